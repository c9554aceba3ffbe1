package io.neonops.storage.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * A WAL position (an unsigned 64-bit byte offset), written as Neon and Postgres write it:
 * {@code "{hi:X}/{lo:X}"}, upper-case hex without padding, e.g. {@code 0/16B5A50}.
 *
 * <p>The value is held in a {@code long} but treated as unsigned everywhere.
 */
public record Lsn(long value) implements Comparable<Lsn> {

    /** Neon's {@code Lsn::INVALID}: "no position". */
    public static final Lsn INVALID = new Lsn(0);

    // Postgres and Neon accept either case on input; each half is a u32 (at most 8 hex digits).
    private static final Pattern TEXT = Pattern.compile("([0-9A-Fa-f]{1,8})/([0-9A-Fa-f]{1,8})");

    /**
     * Parses {@code "hi/lo"}.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static Lsn parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("invalid LSN: missing (expected hi/lo in hex, e.g. 0/16B5A50)");
        }
        var m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "invalid LSN \"" + text + "\": expected hi/lo in hex, each at most 8 digits, e.g. 0/16B5A50");
        }
        long hi = Long.parseLong(m.group(1), 16);
        long lo = Long.parseLong(m.group(2), 16);
        return new Lsn(hi << 32 | lo);
    }

    /**
     * Reads the text form, and also a plain number: some safekeeper responses (term history) carry
     * the LSN as its integer value.
     */
    @JsonCreator
    static Lsn fromJson(JsonNode node) {
        if (node.isTextual()) {
            return parse(node.textValue());
        }
        if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
            return new Lsn(node.longValue());
        }
        if (node.isBigInteger() && node.bigIntegerValue().bitLength() <= 64 && node.bigIntegerValue().signum() >= 0) {
            return new Lsn(node.bigIntegerValue().longValue());
        }
        throw new IllegalArgumentException("invalid LSN " + node + ": expected a string such as \"0/16B5A50\"");
    }

    /** Bytes from {@code earlier} up to this position. */
    public long bytesSince(Lsn earlier) {
        if (compareTo(earlier) < 0) {
            throw new IllegalArgumentException("LSN " + earlier + " is after " + this + ", the distance would be negative");
        }
        return value - earlier.value;
    }

    /** The position {@code bytes} further on. */
    public Lsn plus(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("cannot advance LSN " + this + " by a negative amount " + bytes);
        }
        long sum = value + bytes;
        if (Long.compareUnsigned(sum, value) < 0) {
            throw new ArithmeticException("LSN " + this + " + " + bytes + " overflows 64 bits");
        }
        return new Lsn(sum);
    }

    public boolean isValid() {
        return value != 0;
    }

    @Override
    public int compareTo(Lsn other) {
        return Long.compareUnsigned(value, other.value);
    }

    @JsonValue
    @Override
    public String toString() {
        return Long.toHexString(value >>> 32).toUpperCase() + "/" + Long.toHexString(value & 0xFFFF_FFFFL).toUpperCase();
    }
}
