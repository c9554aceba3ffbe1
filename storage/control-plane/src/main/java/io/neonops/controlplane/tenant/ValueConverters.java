package io.neonops.controlplane.tenant;

import io.neonops.storage.common.Lsn;
import io.neonops.storage.common.PgMajorVersion;
import io.neonops.storage.common.TenantId;
import io.neonops.storage.common.TimelineId;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option converters that keep the values' own error messages ("invalid tenant id ...: expected ..."). */
final class ValueConverters {

    private ValueConverters() {
    }

    private abstract static class Parsing<T> implements ITypeConverter<T> {
        private final Function<String, T> parse;

        Parsing(Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public T convert(String value) {
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class TenantIds extends Parsing<TenantId> {
        TenantIds() {
            super(TenantId::of);
        }
    }

    static final class TimelineIds extends Parsing<TimelineId> {
        TimelineIds() {
            super(TimelineId::of);
        }
    }

    static final class Lsns extends Parsing<Lsn> {
        Lsns() {
            super(Lsn::parse);
        }
    }

    static final class PgVersions extends Parsing<PgMajorVersion> {
        PgVersions() {
            super(PgMajorVersion::parse);
        }
    }
}
