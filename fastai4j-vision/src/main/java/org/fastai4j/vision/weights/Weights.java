package org.fastai4j.vision.weights;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fastai4j.io.Checksum;
import org.fastai4j.io.Downloads;
import org.fastai4j.io.PthReader;
import org.fastai4j.io.RawTensor;
import org.fastai4j.io.Safetensors;

/**
 * Finds, downloads and reads pretrained weights. A torchvision file is looked for first in PyTorch's
 * cache ({@code $TORCH_HOME/hub/checkpoints}, default {@code ~/.cache/torch/hub/checkpoints}, so files a
 * PyTorch user already has are found), then in fastai4j's cache ({@code <FASTAI4J_HOME>/models}), and
 * downloaded there otherwise (SHA-256 prefix checked, temp file + rename, lock, offline switch: see
 * {@link Downloads}). Files are read with the restricted {@link PthReader} or as safetensors.
 */
public final class Weights {

    private final Downloads downloads;
    private final Path cacheDir;
    private final Path torchHubDir;
    private final String baseUrl;

    /**
     * A weights store.
     *
     * @param downloads the downloader (offline or not)
     * @param cacheDir where fastai4j keeps downloaded weights
     * @param torchHubDir PyTorch's checkpoint folder, searched first (may not exist)
     * @param baseUrl the URL prefix of the files ({@link PretrainedWeights#BASE_URL})
     */
    public Weights(Downloads downloads, Path cacheDir, Path torchHubDir, String baseUrl) {
        this.downloads = downloads;
        this.cacheDir = cacheDir;
        this.torchHubDir = torchHubDir;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    /** {@return the store configured by the environment ({@code FASTAI4J_HOME}, {@code TORCH_HOME}, offline switch)} */
    public static Weights defaults() {
        return new Weights(Downloads.defaults(), Downloads.cacheDir().resolve("models"), torchHubDir(),
                PretrainedWeights.BASE_URL);
    }

    /**
     * PyTorch's checkpoint folder: {@code $TORCH_HOME/hub/checkpoints}, else {@code $XDG_CACHE_HOME/torch/...}, else {@code ~/.cache/torch/...}.
     *
     * @return the folder
     */
    public static Path torchHubDir() {
        String torchHome = System.getenv("TORCH_HOME");
        if (torchHome == null || torchHome.isBlank()) {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
            return base.resolve("torch").resolve("hub").resolve("checkpoints");
        }
        return Path.of(torchHome).resolve("hub").resolve("checkpoints");
    }

    /**
     * {@return the local path of {@code w}'s file, downloading it if needed}
     *
     * @param w the weights to use
     * @throws IOException if the file is not in either cache and cannot be downloaded (offline, network
     *     error) or its download does not match the checksum
     */
    public Path locate(PretrainedWeights w) throws IOException {
        return locate(w.fileName(), URI.create(baseUrl + w.fileName()), w.checksum());
    }

    /**
     * {@return the local path of a weights file: PyTorch's copy if it passes {@code checksum}, else fastai4j's cache}
     *
     * @param fileName the file name
     * @param url where the file is downloaded from
     * @param checksum the expected digest of the file
     * @throws IOException if the file is not in either cache and cannot be downloaded (offline, network
     *     error) or its download does not match {@code checksum}
     */
    public Path locate(String fileName, URI url, Checksum checksum) throws IOException {
        Path torchCopy = torchHubDir.resolve(fileName);
        if (Files.isRegularFile(torchCopy) && checksum.matches(torchCopy)) {
            return torchCopy;
        }
        try {
            return downloads.fetch(url, cacheDir.resolve(fileName), checksum);
        } catch (IOException e) {
            if (downloads.offline()) {
                throw new org.fastai4j.io.DownloadException(e.getMessage() + " (or at " + torchCopy + ")", e);
            }
            throw e;
        }
    }

    /**
     * torchvision's weights of {@code arch} (e.g. "resnet34"), {@code version} 1 or 2 (0: torchvision's DEFAULT).
     *
     * @param arch the architecture's torchvision name
     * @param version 1 or 2 (0: torchvision's DEFAULT)
     * @return the parameters by torchvision name
     * @throws IllegalArgumentException if torchvision publishes no such weights
     * @throws IOException if the file cannot be found, downloaded or read
     */
    public Map<String, RawTensor> load(String arch, int version) throws IOException {
        return load(PretrainedWeights.of(arch, version));
    }

    /**
     * {@return the state dict of {@code w}, by torchvision's parameter names}
     *
     * @param w the weights to use
     * @throws IOException if the file cannot be found, downloaded or read
     */
    public Map<String, RawTensor> load(PretrainedWeights w) throws IOException {
        return readFile(locate(w));
    }

    /**
     * Loads {@code w} into an initialized {@code model} of the matching architecture, by torchvision's names,
     * strictly except for the classifier ({@code fc.*}) when its shape differs (a model with another number
     * of classes keeps its own fc); the first conv is adapted to {@code nIn} input channels as fastai does
     * ({@link org.fastai4j.vision.models.FirstLayer#adaptPretrained}).
     *
     * @param model the model whose parameters are set
     * @param w the weights to use
     * @param nIn the number of input channels of the model
     * @throws IOException if the file cannot be found, downloaded or read
     */
    public void loadInto(ai.djl.nn.Block model, PretrainedWeights w, int nIn) throws IOException {
        loadInto(model, load(w), nIn);
    }

    /**
     * {@link #loadInto(ai.djl.nn.Block, PretrainedWeights, int)} from a torchvision state dict already read.
     *
     * @param model the model whose parameters are set
     * @param stateDict torchvision's parameters by name
     * @param nIn the number of input channels of the model
     */
    public static void loadInto(ai.djl.nn.Block model, Map<String, RawTensor> stateDict, int nIn) {
        Map<String, RawTensor> sd = org.fastai4j.vision.models.FirstLayer.adaptPretrained(stateDict, "conv1.weight", nIn);
        Map<String, ai.djl.nn.Parameter> params = org.fastai4j.io.StateDicts.parameters(model);
        Map<String, RawTensor> kept = new java.util.LinkedHashMap<>();
        sd.forEach((k, v) -> {
            ai.djl.nn.Parameter p = params.get(k);
            boolean otherHead = k.startsWith("fc.") && p != null
                    && !p.getArray().getShape().equals(v.djlShape());
            if (!otherHead) {
                kept.put(k, v);
            }
        });
        boolean headDiffers = kept.size() != sd.size();
        if (headDiffers) {
            Map<String, RawTensor> withOwnFc = new java.util.LinkedHashMap<>(kept);
            params.forEach((k, p) -> {
                if (k.startsWith("fc.")) {
                    withOwnFc.put(k, RawTensor.of(p.getArray()));
                }
            });
            org.fastai4j.io.StateDicts.load(model, withOwnFc, true);
        } else {
            org.fastai4j.io.StateDicts.load(model, kept, true);
        }
    }

    /**
     * {@return a local weights file: safetensors if it looks like one, else a {@code torch.save} file}
     *
     * @param file the file to read
     * @throws java.nio.file.NoSuchFileException if {@code file} is not a regular file
     * @throws IOException if the file cannot be read or is neither a valid safetensors nor a valid
     *     {@code torch.save} file
     */
    public static Map<String, RawTensor> readFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "no weights file there");
        }
        if (Safetensors.looksLike(file)) {
            return Safetensors.read(file).tensors();
        }
        return PthReader.read(file);
    }
}
