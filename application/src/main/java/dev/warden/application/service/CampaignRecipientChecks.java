package dev.warden.application.service;

import dev.warden.application.port.in.AddCampaignRecipientsCommand.CampaignRecipient;
import dev.warden.domain.sending.OutboundMessage;
import dev.warden.domain.sending.Sender;
import dev.warden.domain.shared.InvalidValue;
import dev.warden.domain.template.TemplateSnapshot;
import dev.warden.domain.template.content.TemplateContent;
import dev.warden.domain.template.parameter.ParameterMismatch;
import dev.warden.domain.template.parameter.ValueProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A campaign's recipients turned into messages, each checked as a transactional send is
 * ({@link TemplateMessages}); every fault of every recipient is named with its index
 * ({@code recipients[3].body.2}), and one fault refuses them all.
 */
final class CampaignRecipientChecks {

    /** The most value problems one answer lists. */
    static final int MAX_LISTED = 100;

    private CampaignRecipientChecks() {
    }

    /**
     * @throws ParameterMismatch naming each recipient's missing, extra or malformed values (400)
     * @throws InvalidValue      a recipient the template cannot go to (an AUTHENTICATION template to a user id)
     */
    static List<OutboundMessage> messages(Sender sender, TemplateSnapshot template, TemplateContent content,
                                          List<CampaignRecipient> recipients) {
        List<OutboundMessage> messages = new ArrayList<>(recipients.size());
        List<ValueProblem> problems = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            CampaignRecipient recipient = recipients.get(i);
            String at = "recipients[" + i + "]";
            try {
                messages.add(TemplateMessages.template(sender, template, content, recipient.to(), recipient.params(),
                        Optional.empty()));
            } catch (ParameterMismatch mismatch) {
                // The first faults tell a person what to fix; a thousand recipients' worth would only be large.
                mismatch.problems().stream().limit(Math.max(0, MAX_LISTED - problems.size()))
                        .forEach(p -> problems.add(new ValueProblem(at + "." + p.component(), p.parameter(), p.rule(),
                                at + ": " + p.message())));
            } catch (InvalidValue refused) {
                throw new InvalidValue(at + "." + refused.getMessage(), refused);
            }
        }
        if (!problems.isEmpty()) {
            throw new ParameterMismatch(problems);
        }
        return messages;
    }
}
