package io.neonops.controller.api;

/**
 * How a tenant is split into shards.
 *
 * @param count      0 for an unsharded tenant (one shard), else the number of shards (at most 255)
 * @param stripeSize pages of 8 KiB that go to one shard before the next; Neon's default is 2048 (16 MiB)
 */
public record ShardParameters(int count, int stripeSize) {

    public static final int DEFAULT_STRIPE_SIZE = 2048;

    /** Neon's shard count is a u8. */
    public static final int MAX_COUNT = 255;

    public static final ShardParameters UNSHARDED = new ShardParameters(0, DEFAULT_STRIPE_SIZE);

    public ShardParameters {
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("invalid shard count " + count + ": expected 0 (unsharded) to " + MAX_COUNT);
        }
        if (stripeSize <= 0) {
            throw new IllegalArgumentException("invalid stripe size " + stripeSize + ": must be positive");
        }
    }

    /** {@code count} shards with the default stripe size. */
    public static ShardParameters of(int count) {
        return new ShardParameters(count, DEFAULT_STRIPE_SIZE);
    }

    /** The number of shards the tenant really has: an unsharded tenant has one. */
    public int effectiveCount() {
        return Math.max(count, 1);
    }
}
