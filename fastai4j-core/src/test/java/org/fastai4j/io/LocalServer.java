package org.fastai4j.io;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server on 127.0.0.1 (ephemeral port) for download tests: {@code /ok/<name>} serves the
 * registered bytes, {@code /truncated/<name>} declares the full length but sends half and closes,
 * {@code /slow/<name>} waits {@code slowMillis} first, {@code /missing} is 404; {@link #dropUri} is a raw socket
 * that sends a chunked response's first chunk and then drops the connection. Requests are counted.
 */
public final class LocalServer implements AutoCloseable {

    public final AtomicInteger requests = new AtomicInteger();
    public final Map<String, byte[]> files = new ConcurrentHashMap<>();
    /** The delay of {@code /slow/} answers. */
    public volatile long slowMillis = 300;
    /** How long the drop server stays silent after its first chunk before dropping (0: at once). */
    public volatile long stallMillis = 0;
    private final HttpServer server;
    private final ServerSocket dropSocket;
    private final Thread dropThread;

    public LocalServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        dropSocket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        dropThread = new Thread(this::dropLoop, "drop-server");
        dropThread.setDaemon(true);
        dropThread.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    URI dropUri() {
        return URI.create("http://127.0.0.1:" + dropSocket.getLocalPort() + "/drop");
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        String[] parts = ex.getRequestURI().getPath().split("/");
        byte[] body = parts.length > 2 ? files.get(parts[2]) : null;
        try (ex) {
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            if (parts[1].equals("slow")) {
                Thread.sleep(slowMillis);
            }
            ex.sendResponseHeaders(200, body.length);
            OutputStream out = ex.getResponseBody();
            if (parts[1].equals("truncated")) {
                out.write(body, 0, body.length / 2);
                out.flush();
                ex.getHttpContext().getServer(); // the exchange closes short: the connection is dropped
                throw new IOException("truncating on purpose");
            }
            out.write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dropLoop() {
        while (!dropSocket.isClosed()) {
            try (Socket s = dropSocket.accept()) {
                requests.incrementAndGet();
                s.getInputStream().read(new byte[4096]);
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n0123456789abcdef\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (stallMillis > 0) {
                    Thread.sleep(stallMillis); // a stalled body: headers and one chunk, then silence
                }
                s.setSoLinger(true, 0); // reset: the connection dies mid-body
            } catch (IOException e) {
                // closed
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
        dropSocket.close();
    }
}
