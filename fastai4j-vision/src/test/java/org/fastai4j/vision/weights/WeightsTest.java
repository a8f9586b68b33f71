package org.fastai4j.vision.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.fastai4j.io.Checksum;
import org.fastai4j.io.DownloadException;
import org.fastai4j.io.Downloads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The torchvision weights registry and the store's lookup order (PyTorch's cache, ours, download). */
class WeightsTest {

    @TempDir
    Path dir;

    @Test
    void registryHoldsTorchvisionsFilesUrlsAndHashPrefixes() {
        PretrainedWeights w = PretrainedWeights.of("resnet34", 1);
        assertThat(w.fileName()).isEqualTo("resnet34-b627a593.pth");
        assertThat(w.url()).hasToString("https://download.pytorch.org/models/resnet34-b627a593.pth");
        assertThat(w.checksum()).isEqualTo(Checksum.sha256("b627a593"));
        assertThat(PretrainedWeights.defaultFor("resnet50").fileName()).isEqualTo("resnet50-11ad3fa6.pth");
        assertThat(PretrainedWeights.of("resnet50", 1).fileName()).isEqualTo("resnet50-0676ba61.pth");
        assertThat(PretrainedWeights.of("wide_resnet50_2", 2).fileName()).isEqualTo("wide_resnet50_2-9ba9bcbe.pth");
        assertThat(PretrainedWeights.values()).hasSize(12);
        assertThatThrownBy(() -> PretrainedWeights.of("resnet34", 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resnet34 version 2");
    }

    Path fixture() throws Exception {
        return Path.of(WeightsTest.class.getResource("/models/basic_block.pth").toURI());
    }

    @Test
    void findsPytorchsCachedCopyWithoutConnecting() throws Exception {
        Path hub = dir.resolve("torch/hub/checkpoints");
        Files.createDirectories(hub);
        String prefix = Checksum.sha256("0").digestOf(fixture()).substring(0, 8);
        String name = "block-" + prefix + ".pth";
        Files.copy(fixture(), hub.resolve(name));
        Weights store = new Weights(new Downloads(true, Duration.ofSeconds(5)), dir.resolve("cache"), hub,
                "http://127.0.0.1:9/");
        Path found = store.locate(name, URI.create("http://127.0.0.1:9/" + name), Checksum.sha256(prefix));
        assertThat(found).isEqualTo(hub.resolve(name));
        assertThat(Weights.readFile(found)).containsKey("conv1.weight");
    }

    @Test
    void offlineWithoutTheFileNamesItAndWhereToPutIt() {
        Path hub = dir.resolve("hub");
        Weights store = new Weights(new Downloads(true, Duration.ofSeconds(5)), dir.resolve("cache"), hub,
                "http://127.0.0.1:9/");
        assertThatThrownBy(() -> store.locate(PretrainedWeights.RESNET18_V1)).isInstanceOf(DownloadException.class)
                .hasMessageContaining("resnet18-f37072fd.pth is not in the cache")
                .hasMessageContaining("put it at " + dir.resolve("cache/resnet18-f37072fd.pth"))
                .hasMessageContaining(hub.resolve("resnet18-f37072fd.pth").toString());
    }

    @Test
    void downloadsIntoOurCacheWhenPytorchHasNoCopy() throws Exception {
        byte[] body = Files.readAllBytes(fixture());
        String prefix = Checksum.sha256("0").digestOf(fixture()).substring(0, 8);
        String name = "block-" + prefix + ".pth";
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/models/", ex -> {
            requests.incrementAndGet();
            try (ex) {
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/models/";
            Weights store = new Weights(new Downloads(false, Duration.ofSeconds(5)), dir.resolve("cache"),
                    dir.resolve("nohub"), base);
            Path got = store.locate(name, URI.create(base + name), Checksum.sha256(prefix));
            assertThat(got).isEqualTo(dir.resolve("cache").resolve(name).toAbsolutePath());
            assertThat(Files.readAllBytes(got)).isEqualTo(body);
            store.locate(name, URI.create(base + name), Checksum.sha256(prefix));
            assertThat(requests.get()).isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }
}
