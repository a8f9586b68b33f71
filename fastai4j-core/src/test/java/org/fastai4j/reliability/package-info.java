/**
 * The reliability and security suite (issue 9) for fastai4j-core: untrusted weights files, native
 * memory after failed batches and over long runs, no Java deserialization. RELIABILITY.md at the
 * repository root maps each item of the issue to its test, here or elsewhere.
 */
package org.fastai4j.reliability;
