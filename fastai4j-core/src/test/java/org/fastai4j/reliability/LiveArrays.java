package org.fastai4j.reliability;

import ai.djl.ndarray.NDManager;

/** TEST FIXTURE: counts the NDArrays alive in the whole engine (every base manager's arrays). */
final class LiveArrays {
    private LiveArrays() {}

    /**
     * The live arrays of the engine's system manager, which is the parent of every base manager
     * (DJL's {@code BaseNDManager.getManagedArrays} counts sub-managers recursively): an array
     * leaked outside the learner's manager is counted too.
     */
    static int engineWide() {
        try (NDManager probe = NDManager.newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }
}
