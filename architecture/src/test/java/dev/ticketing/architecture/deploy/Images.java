package dev.ticketing.architecture.deploy;

/** Image references: {@code [registry/]repository[:tag][@digest]}. */
final class Images {

    private Images() {
    }

    /** The reference without its tag or digest. */
    static String repository(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.lastIndexOf(':');
        return colon > slash ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    /** ":tag" or "" when the reference has none. */
    static String tagPart(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        return withoutDigest.substring(repository(image).length());
    }
}
