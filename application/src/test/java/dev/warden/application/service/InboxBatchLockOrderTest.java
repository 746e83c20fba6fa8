package dev.warden.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.warden.domain.shared.OrganizationId;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Inbox batches lock organisations' templates in {@link InboxBatch#LOCK_ORDER}; the quality snapshot locks
 * them with {@code ORDER BY organization_id, id}, and PostgreSQL compares uuids byte by byte, unsigned. The
 * two orders must agree, or a batch and the snapshot wait for each other in a circle.
 */
class InboxBatchLockOrderTest {

    @Test
    void organisations_are_ordered_as_unsigned_128_bit_numbers_like_postgresql_orders_uuids() {
        qt().forAll(longs().all(), longs().all(), longs().all(), longs().all()).checkAssert((a1, a2, b1, b2) -> {
            OrganizationId a = new OrganizationId(new UUID(a1, a2));
            OrganizationId b = new OrganizationId(new UUID(b1, b2));
            assertThat(Integer.signum(InboxBatch.LOCK_ORDER.compare(a, b)))
                    .as("%s against %s", a.value(), b.value())
                    .isEqualTo(unsigned(a).compareTo(unsigned(b)));
        });
    }

    @Test
    void an_id_with_its_top_bit_set_comes_after_one_without_unlike_uuid_compare_to() {
        OrganizationId low = new OrganizationId(UUID.fromString("7fffffff-ffff-4fff-bfff-ffffffffffff"));
        OrganizationId high = new OrganizationId(UUID.fromString("80000000-0000-4000-8000-000000000000"));

        assertThat(InboxBatch.LOCK_ORDER.compare(low, high)).isNegative();
        assertThat(low.value().compareTo(high.value())).isPositive();
    }

    private static BigInteger unsigned(OrganizationId id) {
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(id.value().getMostSignificantBits())
                .putLong(id.value().getLeastSignificantBits());
        return new BigInteger(1, bytes.array());
    }
}
