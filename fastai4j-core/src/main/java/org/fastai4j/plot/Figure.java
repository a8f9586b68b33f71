package org.fastai4j.plot;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.swing.ImageIcon;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

/** A rendered plot or image grid: save it as PNG, get the image, or show it in a window. */
public final class Figure {
    private final BufferedImage image;
    private final String title;

    /**
     * Wraps a rendered image.
     *
     * @param image the rendered plot (not copied)
     * @param title the window title when shown; null gives {@code "fastai4j"}
     * @throws NullPointerException if {@code image} is null
     */
    public Figure(BufferedImage image, String title) {
        this.image = Objects.requireNonNull(image, "image");
        this.title = title == null ? "fastai4j" : title;
    }

    /** {@return the rendered image} */
    public BufferedImage toImage() {
        return image;
    }

    /** {@return the figure's title (window title when shown)} */
    public String title() {
        return title;
    }

    /**
     * Writes a PNG (to a temp file, then renamed, so no half-written file is left).
     *
     * @param path the file to write, replaced if it exists; its folder is created when needed. The
     *     content is PNG whatever the extension
     * @return the absolute path written
     * @throws IOException if the folder or the file cannot be written (then no file is left at
     *     {@code path} beyond any previous one)
     */
    public Path save(Path path) throws IOException {
        Path abs = path.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, abs.getFileName().toString(), ".tmp");
        try {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("No PNG writer available for " + abs);
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return abs;
    }

    /**
     * Opens a window with the figure; does nothing (and returns false) when headless. The window
     * opens on the Swing event thread; this call does not wait for it to be closed.
     *
     * @return true if a window was requested, false in a headless environment
     */
    public boolean show() {
        if (GraphicsEnvironment.isHeadless()) {
            return false;
        }
        SwingUtilities.invokeLater(() -> {
            JFrame frame = new JFrame(title);
            frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
            frame.add(new JLabel(new ImageIcon(image)));
            frame.pack();
            frame.setVisible(true);
        });
        return true;
    }
}
