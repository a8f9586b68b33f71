/**
 * The reliability and security suite (issue 9) for fastai4j-vision: a folder of bad and unusual
 * images, bad dataset layouts, a bad image found mid-epoch. RELIABILITY.md at the repository root
 * maps each item of the issue to its test.
 */
package org.fastai4j.reliability;
