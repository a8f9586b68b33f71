package org.fastai4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The first {@link Devices#defaultDevice()} of a JVM sets {@code OMP_WAIT_POLICY=PASSIVE} and
 * {@code GOMP_SPINCOUNT=20000} before
 * libtorch loads (it is read once, at load), unless the user set it: checked in child JVMs.
 */
class OpenMpWaitTest {

    /** Child main: uses the device, then prints the live value of OMP_WAIT_POLICY. */
    public static void main(String[] args) {
        Devices.defaultDevice();
        com.sun.jna.Function getenv = com.sun.jna.Function.getFunction("c", "getenv");
        String v = (String) getenv.invoke(String.class, new Object[] {"OMP_WAIT_POLICY"});
        System.out.println("OMP_WAIT_POLICY=" + v);
        System.out.println("GOMP_SPINCOUNT=" + getenv.invoke(String.class, new Object[] {"GOMP_SPINCOUNT"}));
    }

    static String child(String preset) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true", OpenMpWaitTest.class.getName());
        pb.environment().remove("OMP_WAIT_POLICY");
        pb.environment().remove("GOMP_SPINCOUNT");
        if (preset != null) {
            pb.environment().put("OMP_WAIT_POLICY", preset);
        }
        pb.redirectErrorStream(true);
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void setsPassiveWaitWhenUnset() throws Exception {
        if (System.getProperty("os.name").toLowerCase().contains("windows")) {
            return;
        }
        assertThat(child(null)).contains("OMP_WAIT_POLICY=PASSIVE").contains("GOMP_SPINCOUNT=20000");
    }

    @Test
    void keepsTheUsersChoice() throws Exception {
        if (System.getProperty("os.name").toLowerCase().contains("windows")) {
            return;
        }
        assertThat(child("ACTIVE")).contains("OMP_WAIT_POLICY=ACTIVE").contains("GOMP_SPINCOUNT=null");
    }
}
