package io.neonops.storage.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The 16-byte id format shared by tenants and timelines: 32 lower-case hex characters. */
final class HexId {

    static final int BYTES = 16;
    private static final Pattern TEXT = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private HexId() {
    }

    /** Returns {@code text} when it is a valid id, else throws naming {@code kind} and the reason. */
    static String validate(String kind, String text) {
        if (text == null) {
            throw new IllegalArgumentException(kind + " is missing");
        }
        if (!TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    "invalid " + kind + " \"" + text + "\": expected 32 lower-case hex characters");
        }
        return text;
    }

    static String random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Reads the hex string form, and also the array of 16 integers (0..255) that some real server
     * messages carry instead (e.g. {@code TenantConfigRequest.tenant_id}).
     */
    static String fromJson(String kind, JsonNode node) {
        if (node.isTextual()) {
            return validate(kind, node.textValue());
        }
        if (node.isArray() && node.size() == BYTES) {
            byte[] bytes = new byte[BYTES];
            for (int i = 0; i < BYTES; i++) {
                JsonNode b = node.get(i);
                if (!b.isIntegralNumber() || b.intValue() < 0 || b.intValue() > 255) {
                    throw new IllegalArgumentException("invalid " + kind + " " + node + ": element " + i + " is not a byte");
                }
                bytes[i] = (byte) b.intValue();
            }
            return HexFormat.of().formatHex(bytes);
        }
        throw new IllegalArgumentException(
                "invalid " + kind + " " + node + ": expected 32 lower-case hex characters or an array of 16 bytes");
    }

    static int[] toByteArray(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        int[] unsigned = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            unsigned[i] = Byte.toUnsignedInt(bytes[i]);
        }
        return unsigned;
    }
}
