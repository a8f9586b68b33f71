/**
 * Test fixtures shared by loop and callback tests (and by other modules through the core
 * test-jar): {@link org.fastai4j.learner.testing.SyntheticLearners} (tiny learners on separable
 * 2-D points), {@link org.fastai4j.learner.testing.ArrayDataLoader},
 * {@link org.fastai4j.learner.testing.TestSgd} and {@link org.fastai4j.learner.testing.EventLog}.
 */
package org.fastai4j.learner.testing;
