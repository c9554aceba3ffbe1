package io.neonops.pageserver.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.neonops.storage.common.TenantId;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Body of {@code PUT /v1/tenant/config}: changes some settings of an existing tenant.
 *
 * <p>Written as the real server reads it, which differs from its OpenAPI file: {@code tenant_id} is
 * an array of 16 integers and {@code checkpoint_distance} a decimal string.
 *
 * @param checkpointDistance bytes of WAL between checkpoints
 * @param checkpointTimeout  e.g. {@code "10m"}
 * @param gcHorizon          bytes of WAL history kept by garbage collection
 * @param gcPeriod           e.g. {@code "1h"}
 * @param pitrInterval       point-in-time-recovery window, e.g. {@code "7 days"}
 */
public record TenantConfigRequest(
        @JsonSerialize(using = TenantConfigRequest.ByteArrayId.class) TenantId tenantId,
        @JsonSerialize(contentUsing = ToStringSerializer.class) Optional<Long> checkpointDistance,
        Optional<String> checkpointTimeout,
        Optional<String> compactionPeriod,
        Optional<Long> gcHorizon,
        Optional<String> gcPeriod,
        Optional<String> pitrInterval) {

    public TenantConfigRequest {
        Objects.requireNonNull(tenantId, "tenant_id is missing");
        checkpointDistance.ifPresent(d -> requireNonNegative("checkpoint_distance", d));
        gcHorizon.ifPresent(h -> requireNonNegative("gc_horizon", h));
    }

    /** A request that changes nothing yet; set fields with the record's {@code with} copies. */
    public static TenantConfigRequest forTenant(TenantId tenantId) {
        return new TenantConfigRequest(tenantId, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public TenantConfigRequest withCheckpointDistance(long bytes) {
        return new TenantConfigRequest(tenantId, Optional.of(bytes), checkpointTimeout, compactionPeriod, gcHorizon, gcPeriod, pitrInterval);
    }

    public TenantConfigRequest withCheckpointTimeout(String timeout) {
        return new TenantConfigRequest(tenantId, checkpointDistance, Optional.of(timeout), compactionPeriod, gcHorizon, gcPeriod, pitrInterval);
    }

    public TenantConfigRequest withCompactionPeriod(String period) {
        return new TenantConfigRequest(tenantId, checkpointDistance, checkpointTimeout, Optional.of(period), gcHorizon, gcPeriod, pitrInterval);
    }

    public TenantConfigRequest withGcHorizon(long bytes) {
        return new TenantConfigRequest(tenantId, checkpointDistance, checkpointTimeout, compactionPeriod, Optional.of(bytes), gcPeriod, pitrInterval);
    }

    public TenantConfigRequest withGcPeriod(String period) {
        return new TenantConfigRequest(tenantId, checkpointDistance, checkpointTimeout, compactionPeriod, gcHorizon, Optional.of(period), pitrInterval);
    }

    public TenantConfigRequest withPitrInterval(String interval) {
        return new TenantConfigRequest(tenantId, checkpointDistance, checkpointTimeout, compactionPeriod, gcHorizon, gcPeriod, Optional.of(interval));
    }

    private static void requireNonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("invalid " + field + " " + value + ": must not be negative");
        }
    }

    /** Writes the id as the server's serde does for this message: 16 unsigned bytes. */
    static final class ByteArrayId extends StdSerializer<TenantId> {

        ByteArrayId() {
            super(TenantId.class);
        }

        @Override
        public void serialize(TenantId id, JsonGenerator gen, SerializerProvider provider) throws IOException {
            int[] bytes = id.toByteArray();
            gen.writeArray(bytes, 0, bytes.length);
        }
    }
}
