package dev.warden.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.application.port.out.ServerLog;
import dev.warden.application.port.out.TranslatedChange;
import dev.warden.domain.alert.Alerting;
import dev.warden.domain.fixtures.InMemoryAlertRepository;
import dev.warden.domain.fixtures.InMemoryContactLinks;
import dev.warden.domain.fixtures.InMemoryCustomerServiceWindows;
import dev.warden.domain.fixtures.InMemorySendBlocks;
import dev.warden.domain.fixtures.InMemorySendDeliveries;
import dev.warden.domain.fixtures.MutableClock;
import dev.warden.domain.fixtures.RecordingEventPublisher;
import dev.warden.domain.organization.WabaId;
import dev.warden.domain.sending.BlockReason;
import dev.warden.domain.sending.ContactLinkRepository;
import dev.warden.domain.sending.DeliveryReport;
import dev.warden.domain.sending.DeliveryState;
import dev.warden.domain.sending.MarketingPreference;
import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.Recipient;
import dev.warden.domain.sending.SendBlock;
import dev.warden.domain.sending.SendBlockRepository;
import dev.warden.domain.sending.SendDelivery;
import dev.warden.domain.sending.SendRefusal;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.window.ConversationKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A messages change's links, windows and status reports, applied with in-memory stores. */
class ConversationWindowsTest {

    private static final String NUMBER = "106540352242922";
    private static final String USER_ID = "US.13491208655302741918";

    private final OrganizationId org = OrganizationId.random();
    private final WabaId waba = new WabaId("4242");
    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final InMemoryCustomerServiceWindows windows = new InMemoryCustomerServiceWindows();
    private final AtomicInteger blockWrites = new AtomicInteger();
    private final InMemorySendBlocks store = new InMemorySendBlocks();
    private final InMemoryContactLinks links = new InMemoryContactLinks();
    private final LinkedContactBlocks blocks = new LinkedContactBlocks(new SendBlockRepository() {
        @Override
        public void block(SendBlock block) {
            blockWrites.incrementAndGet();
            store.block(block);
        }

        @Override
        public boolean prefer(MarketingPreference preference) {
            return store.prefer(preference);
        }

        @Override
        public List<SendBlock> active(OrganizationId organizationId, WabaId wabaId, String contact, Instant now) {
            return store.active(organizationId, wabaId, contact, now);
        }
    }, links);
    private final InMemorySendDeliveries deliveries = new InMemorySendDeliveries();
    private final ConversationWindows conversations = conversationsWith(links);

    private ConversationWindows conversationsWith(ContactLinkRepository contactLinks) {
        return new ConversationWindows(windows, blocks, contactLinks, deliveries,
                new MessageSends(List.of(), blocks, windows, new PassThroughUnitOfWork(),
                        new Alerting(new InMemoryAlertRepository()), new RecordingEventPublisher(), new SilentLog(),
                        clock),
                clock);
    }

    private static final class SilentLog implements ServerLog {
        @Override
        public void internalError(String reference, String what, Throwable cause) {
        }

        @Override
        public void warning(String what) {
        }

        @Override
        public void warning(String what, Throwable cause) {
        }
    }

    private void apply(List<TranslatedChange.CustomerEvent> inbound, List<TranslatedChange.ContactLink> linked,
                       List<DeliveryReport> reports) {
        apply(waba, new TranslatedChange.ConversationUpdate(NUMBER, inbound, List.of(), linked, reports));
    }

    /** One change in a batch of its own: its links, the change, then the batch's delivery reports written. */
    private String apply(WabaId account, TranslatedChange.ConversationUpdate update) {
        ConversationWindows.Batch batch = conversations.batch(List.of(new ConversationWindows.Change(org, account,
                update)));
        String done = conversations.apply(org, account, update, batch);
        batch.flush();
        return done;
    }

    private UUID accepted(String wamid, String to) {
        UUID id = UUID.randomUUID();
        deliveries.accepted(org, id, wamid, OutboundMessage.text(waba, NUMBER, Recipient.parse(to), "hi"));
        return id;
    }

    private static DeliveryReport failed(String wamid, SendRefusal refusal, Instant at) {
        return new DeliveryReport(wamid, DeliveryState.FAILED, at, Optional.empty(),
                Optional.of(new DeliveryReport.Failure(refusal, "(#code) by webhook")));
    }

    @Test
    void a_customer_named_only_by_a_linked_user_id_refreshes_the_window_of_the_number() {
        Instant wrote = clock.instant().minusSeconds(60);
        apply(List.of(new TranslatedChange.CustomerEvent(USER_ID, wrote)), List.of(), List.of());
        assertThat(windows.find(new ConversationKey(org, NUMBER, "16505551234"))).as("not linked yet").isEmpty();

        apply(List.of(), List.of(new TranslatedChange.ContactLink("16505551234", USER_ID)), List.of());
        apply(List.of(new TranslatedChange.CustomerEvent(USER_ID, wrote)), List.of(), List.of());

        assertThat(windows.find(new ConversationKey(org, NUMBER, "16505551234")))
                .hasValueSatisfying(window -> assertThat(window.isOpenAt(clock.instant())).isTrue());
    }

    @Test
    void a_failure_reported_by_webhook_teaches_once_and_a_status_of_an_unknown_message_is_ignored() {
        UUID id = accepted("wamid.cool", "+16505551234");
        Instant at = clock.instant().minusSeconds(30);

        apply(List.of(), List.of(), List.of(failed("wamid.cool", SendRefusal.RECIPIENT_COOL_DOWN, at),
                failed("wamid.someone-elses", SendRefusal.MARKETING_OPT_OUT, at)));
        apply(List.of(), List.of(), List.of(failed("wamid.cool", SendRefusal.RECIPIENT_COOL_DOWN, at)));

        assertThat(blockWrites).as("one cool-down for the send, none again for its redelivery").hasValue(1);
        assertThat(blocks.active(org, waba, "16505551234", clock.instant())).singleElement()
                .satisfies(block -> {
                    assertThat(block.reason()).isEqualTo(BlockReason.COOL_DOWN);
                    assertThat(block.until()).contains(at.plus(MessageSends.COOL_DOWN));
                });
        assertThat(deliveries.find(org, id)).map(SendDelivery::state).contains(DeliveryState.FAILED);
    }

    @Test
    void a_batch_writes_the_links_of_all_its_changes_first_once_each_and_in_one_order() {
        List<String> written = new ArrayList<>();
        ConversationWindows recorded = conversationsWith(new ContactLinkRepository() {
            @Override
            public void link(OrganizationId organizationId, WabaId wabaId, String phone, String userId, Instant seenAt) {
                written.add(phone + "/" + userId);
                links.link(organizationId, wabaId, phone, userId, seenAt);
            }

            @Override
            public List<String> linked(OrganizationId organizationId, WabaId wabaId, String contact) {
                return links.linked(organizationId, wabaId, contact);
            }
        });
        TranslatedChange.ConversationUpdate later = new TranslatedChange.ConversationUpdate(NUMBER, List.of(), List.of(),
                List.of(new TranslatedChange.ContactLink("16505550002", "US.2")), List.of());
        TranslatedChange.ConversationUpdate earlier = new TranslatedChange.ConversationUpdate(NUMBER, List.of(),
                List.of(), List.of(new TranslatedChange.ContactLink("16505550002", "US.2"),
                        new TranslatedChange.ContactLink("16505550001", "US.1")), List.of());

        ConversationWindows.Batch batch = recorded.batch(List.of(new ConversationWindows.Change(org, waba, later),
                new ConversationWindows.Change(org, waba, earlier)));
        assertThat(written).as("written when the batch begins, in order").containsExactly("16505550001/US.1",
                "16505550002/US.2");
        recorded.apply(org, waba, later, batch);
        recorded.apply(org, waba, earlier, batch);
        batch.flush();

        assertThat(written).as("not again as each change is applied").hasSize(2);
        assertThat(links.linked(org, waba, "US.1")).containsExactly("16505550001");
    }

    @Test
    void the_reports_of_a_batch_are_written_at_its_end_and_a_failure_said_in_two_of_its_changes_teaches_once() {
        UUID id = accepted("wamid.twice", "+16505551234");
        Instant at = clock.instant().minusSeconds(30);
        ConversationWindows.Batch batch = conversations.batch(List.of());
        DeliveryReport delivered = new DeliveryReport("wamid.twice", DeliveryState.DELIVERED, at.minusSeconds(5),
                Optional.empty(), Optional.empty());

        conversations.apply(org, waba, new TranslatedChange.ConversationUpdate(NUMBER, List.of(), List.of(),
                List.of(), List.of(failed("wamid.twice", SendRefusal.RECIPIENT_COOL_DOWN, at))), batch);
        conversations.apply(org, waba, new TranslatedChange.ConversationUpdate(NUMBER, List.of(), List.of(),
                List.of(), List.of(failed("wamid.twice", SendRefusal.RECIPIENT_COOL_DOWN, at), delivered)), batch);
        assertThat(deliveries.find(org, id)).as("nothing written before the batch ends").isEmpty();
        batch.flush();

        assertThat(blockWrites).as("one cool-down for the send, though two changes of the batch said it").hasValue(1);
        assertThat(deliveries.find(org, id)).hasValueSatisfying(kept -> {
            assertThat(kept.failedAt()).contains(at);
            assertThat(kept.deliveredAt()).contains(at.minusSeconds(5));
            assertThat(kept.state()).isEqualTo(DeliveryState.DELIVERED);
        });
    }

    @Test
    void a_status_overtaking_the_record_of_its_send_is_tried_again_until_it_is_too_old_to_be_that_sends() {
        UUID id = UUID.randomUUID();
        OutboundMessage message = OutboundMessage.text(waba, NUMBER, Recipient.parse("+16505551234"), "hi");
        deliveries.handingOver(org, id, message, clock.instant().plusSeconds(120));
        DeliveryReport sent = new DeliveryReport("wamid.fast", DeliveryState.SENT, clock.instant().minusSeconds(1),
                Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> apply(List.of(), List.of(), List.of(sent)))
                .isInstanceOf(StatusesAheadOfSends.class);
        // Another WABA's send in flight says nothing about this one's statuses.
        apply(new WabaId("9999"), new TranslatedChange.ConversationUpdate(NUMBER, List.of(),
                List.of(), List.of(), List.of(sent)));

        deliveries.accepted(org, id, "wamid.fast", message);
        apply(List.of(), List.of(), List.of(sent));
        assertThat(deliveries.find(org, id)).map(SendDelivery::state).contains(DeliveryState.SENT);
    }

    @Test
    void a_status_of_an_unknown_message_older_than_a_claim_is_ignored_even_while_a_send_is_in_flight() {
        deliveries.handingOver(org, UUID.randomUUID(),
                OutboundMessage.text(waba, NUMBER, Recipient.parse("+16505551234"), "hi"), clock.instant().plusSeconds(120));
        DeliveryReport old = new DeliveryReport("wamid.other-system", DeliveryState.DELIVERED,
                clock.instant().minus(DeliveryReports.AHEAD_WINDOW).minusSeconds(1), Optional.empty(), Optional.empty());

        assertThat(apply(waba, new TranslatedChange.ConversationUpdate(NUMBER, List.of(),
                List.of(), List.of(), List.of(old)))).endsWith("1 of messages Warden did not send");
    }

    @Test
    void an_opt_out_said_under_the_number_blocks_the_linked_user_id() {
        UUID id = accepted("wamid.optout", "+16505551234");
        apply(List.of(), List.of(new TranslatedChange.ContactLink("16505551234", USER_ID)),
                List.of(failed("wamid.optout", SendRefusal.MARKETING_OPT_OUT, clock.instant())));

        assertThat(blocks.active(org, waba, USER_ID, clock.instant())).singleElement()
                .satisfies(block -> assertThat(block.reason()).isEqualTo(BlockReason.MARKETING_OPT_OUT));
        assertThat(blocks.active(org, new WabaId("5353"), USER_ID, clock.instant())).as("another WABA").isEmpty();
        assertThat(deliveries.find(org, id)).isPresent();
    }
}
