package io.neonops.controller.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.neonops.storage.common.TenantId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One shard of a tenant. On the wire the plain tenant id for an unsharded tenant (shard count 0), else
 * {@code <tenant_id>-NNCC} with shard number NN and shard count CC in two hex digits each,
 * e.g. {@code 072f1291a5310026820b2fe4b2968934-0102}.
 */
public record TenantShardId(TenantId tenantId, int shardNumber, int shardCount) {

    private static final Pattern TEXT = Pattern.compile("([0-9a-f]{32})(?:-([0-9a-fA-F]{2})([0-9a-fA-F]{2}))?");

    public TenantShardId {
        Objects.requireNonNull(tenantId, "tenant id is missing");
        if (shardCount < 0 || shardCount > ShardParameters.MAX_COUNT) {
            throw new IllegalArgumentException("invalid shard count " + shardCount + " of tenant " + tenantId
                    + ": expected 0 (unsharded) to " + ShardParameters.MAX_COUNT);
        }
        boolean numberFits = shardCount == 0 ? shardNumber == 0 : shardNumber >= 0 && shardNumber < shardCount;
        if (!numberFits) {
            throw new IllegalArgumentException("invalid shard number " + shardNumber + " of tenant " + tenantId
                    + " with shard count " + shardCount);
        }
    }

    /** The only shard of an unsharded tenant. */
    public static TenantShardId unsharded(TenantId tenantId) {
        return new TenantShardId(tenantId, 0, 0);
    }

    /** Parses the wire form; throws naming the text and the expected form. */
    @JsonCreator
    public static TenantShardId parse(String text) {
        var m = TEXT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid tenant shard id \"" + text
                    + "\": expected 32 lower-case hex characters, optionally followed by -NNCC (shard number and count in hex)");
        }
        TenantId tenant = TenantId.of(m.group(1));
        return m.group(2) == null ? unsharded(tenant)
                : new TenantShardId(tenant, Integer.parseInt(m.group(2), 16), Integer.parseInt(m.group(3), 16));
    }

    public boolean isUnsharded() {
        return shardCount == 0;
    }

    @JsonValue
    @Override
    public String toString() {
        return isUnsharded() ? tenantId.hex() : tenantId.hex() + "-" + String.format("%02x%02x", shardNumber, shardCount);
    }
}
