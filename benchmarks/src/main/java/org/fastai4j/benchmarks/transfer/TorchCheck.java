package org.fastai4j.benchmarks.transfer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Optional cross-checks with Python's torch ({@code /usr/bin/python3} with torch and torchvision, as
 * Debian's {@code python3-torchvision} installs it). Where it is absent each check says so instead
 * of failing.
 */
public final class TorchCheck {

    /** The Python interpreter used. */
    public static final String PYTHON = "/usr/bin/python3";

    private TorchCheck() {}

    /**
     * Whether {@link #PYTHON} imports torch and torchvision (checked by starting it, up to 120 s).
     *
     * @return true when the import succeeds; false when Python is missing, the import fails or times
     *     out
     */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch, torchvision").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Loads {@code pth} with {@code torch.load} into {@code torchvision.models.<arch>(num_classes=n)} with
     * {@code strict=True}: "ok ..." when every key and shape matches, else Python's error, or "skipped: ...".
     *
     * @param pth the {@code torch.save} file to check
     * @param arch the torchvision model function's name, e.g. {@code resnet18}
     * @param numClasses the classifier's outputs ({@code num_classes}) the file is expected to have
     * @return {@code "ok: ..."} with the tensor count; {@code "failed ..."} with Python's last output
     *     line or the exit code; or {@code "skipped: ..."} when torch and torchvision are not available
     */
    public static String loadsInTorchvision(Path pth, String arch, int numClasses) {
        if (!available()) {
            return "skipped: " + PYTHON + " with torch and torchvision is not available";
        }
        String code = "import sys, torch, torchvision\n"
                + "sd = torch.load(sys.argv[1], map_location='cpu')\n"
                + "m = getattr(torchvision.models, sys.argv[2])(num_classes=int(sys.argv[3]))\n"
                + "m.load_state_dict(sd, strict=True)\n"
                + "print('ok: torch.load + load_state_dict(strict=True), %d tensors' % len(sd))\n";
        return run(code, pth.toString(), arch, Integer.toString(numClasses));
    }

    /** Runs a Python program; its last output line, or "failed (exit n): output". */
    static String run(String code, String... args) {
        String[] cmd = new String[args.length + 3];
        cmd[0] = PYTHON;
        cmd[1] = "-c";
        cmd[2] = code;
        System.arraycopy(args, 0, cmd, 3, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroy();
                return "failed: timed out";
            }
            if (p.exitValue() != 0) {
                return "failed (exit " + p.exitValue() + "): " + out;
            }
            return out.substring(out.lastIndexOf('\n') + 1);
        } catch (Exception e) {
            return "failed: " + e;
        }
    }
}
