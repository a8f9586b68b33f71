package org.fastai4j.cli;

import ai.djl.engine.Engine;
import picocli.CommandLine;

/** Prints fastai4j's, DJL's and the engine's versions. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String own = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "fastai4j " + (own == null ? "dev" : own),
            "DJL " + Engine.getDjlVersion() + ", engine " + Engine.getDefaultEngineName()
        };
    }
}
