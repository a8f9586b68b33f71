package org.fastai4j.data;

import java.util.Map;

/**
 * fastai's dataset URLs ({@code fastai.data.external.URLs}), the same strings, and the sizes and MD5
 * digests fastai checks them against ({@code fastai/data/download_checks.py}) for the image datasets.
 */
public final class URLs {

    private URLs() {}

    /** fastai's S3 prefix. */
    public static final String S3 = "https://s3.amazonaws.com/fast-ai-";
    /** Sample datasets. */
    public static final String URL = S3 + "sample/";
    /** Image classification datasets. */
    public static final String S3_IMAGE = S3 + "imageclas/";
    /** Image localization datasets. */
    public static final String S3_IMAGELOC = S3 + "imagelocal/";

    /** MNIST 3s and 7s. */
    public static final String MNIST_SAMPLE = URL + "mnist_sample.tgz";
    /** A tiny MNIST sample. */
    public static final String MNIST_TINY = URL + "mnist_tiny.tgz";
    /** Full MNIST as PNG files. */
    public static final String MNIST = S3_IMAGE + "mnist_png.tgz";
    /** CIFAR-10. */
    public static final String CIFAR = URL + "cifar10.tgz";
    /** CIFAR-100. */
    public static final String CIFAR_100 = S3_IMAGE + "cifar100.tgz";
    /** Oxford-IIIT Pets. */
    public static final String PETS = S3_IMAGE + "oxford-iiit-pet.tgz";
    /** Imagenette, full size. */
    public static final String IMAGENETTE = S3_IMAGE + "imagenette2.tgz";
    /** Imagenette, shortest side 160. */
    public static final String IMAGENETTE_160 = S3_IMAGE + "imagenette2-160.tgz";
    /** Imagenette, shortest side 320. */
    public static final String IMAGENETTE_320 = S3_IMAGE + "imagenette2-320.tgz";
    /** Imagewoof, full size. */
    public static final String IMAGEWOOF = S3_IMAGE + "imagewoof2.tgz";
    /** Imagewoof, shortest side 160. */
    public static final String IMAGEWOOF_160 = S3_IMAGE + "imagewoof2-160.tgz";
    /** Imagewoof, shortest side 320. */
    public static final String IMAGEWOOF_320 = S3_IMAGE + "imagewoof2-320.tgz";
    /** Caltech 101. */
    public static final String CALTECH_101 = S3_IMAGE + "caltech_101.tgz";
    /** Stanford cars. */
    public static final String CARS = S3_IMAGE + "stanford-cars.tgz";
    /** Oxford 102 flowers. */
    public static final String FLOWERS = S3_IMAGE + "oxford-102-flowers.tgz";
    /** Food-101. */
    public static final String FOOD = S3_IMAGE + "food-101.tgz";
    /** Dogs vs cats. */
    public static final String DOGS = URL + "dogscats.tgz";
    /** Planet sample (multi-label). */
    public static final String PLANET_SAMPLE = URL + "planet_sample.tgz";
    /** Planet tiny (multi-label). */
    public static final String PLANET_TINY = URL + "planet_tiny.tgz";
    /** BIWI head pose sample (regression). */
    public static final String BIWI_SAMPLE = URL + "biwi_sample.tgz";
    /** CamVid tiny (segmentation). */
    public static final String CAMVID_TINY = URL + "camvid_tiny.tgz";

    /** A known archive: its size in bytes and its MD5 digest, as fastai checks them. */
    public record Check(long size, String md5) {}

    /** fastai's checks for the image datasets above (from fastai 2.7.13's download_checks.py). */
    public static final Map<String, Check> CHECKS = Map.ofEntries(
            Map.entry(MNIST_SAMPLE, new Check(3214948, "2dbc7ec6f9259b583af0072c55816a88")),
            Map.entry(MNIST_TINY, new Check(342207, "56143e8f24db90d925d82a5a74141875")),
            Map.entry(MNIST, new Check(15683414, "03639f83c4e3d19e0a3a53a8a997c487")),
            Map.entry(CIFAR, new Check(168168549, "a5f8c31371b63a406b23368042812d3c")),
            Map.entry(PETS, new Check(811706944, "e4db5c768afd933bb91f5f594d7417a4")),
            Map.entry(IMAGENETTE, new Check(1557161267, "2c774ecb40005b35d7937d50f5d42336")),
            Map.entry(IMAGENETTE_160, new Check(99003388, "c475f8f7617a200ba35b9facc48443c3")),
            Map.entry(IMAGENETTE_320, new Check(341663724, "1f1f74f133caff120e575856659b87a2")),
            Map.entry(IMAGEWOOF, new Check(1343715595, "2cc1c1e36e20cb6fd24ffb978edcb487")),
            Map.entry(IMAGEWOOF_160, new Check(92612825, "3559b194123981a540b87132dbda412f")),
            Map.entry(IMAGEWOOF_320, new Check(328387740, "7a1fd92672a559a85de76e4810a20c21")),
            Map.entry(CALTECH_101, new Check(131740031, "d673425306e98ee4619fcdeef8a0e876")));
}
