import { registry } from "@web/core/registry";
import { formView } from "@web/views/form/form_view";
import { FormController } from "@web/views/form/form_controller";

/**
 * A form that sends, with each save of an existing record, the version of the record it
 * shows (the field party_edit_version). The server refuses the save when someone else has
 * changed the record since: the user's text stays in the form and nothing is overwritten
 * (models/party_edit_version_mixin.py).
 */
export class PartyVersionedFormController extends FormController {
    async onWillSaveRecord(record, changes) {
        if (record === this.model.root && record.resId && "party_edit_version" in record.data) {
            changes.party_edit_version = record.data.party_edit_version;
        }
        return super.onWillSaveRecord(...arguments);
    }
}

registry.category("views").add("party_versioned_form", {
    ...formView,
    Controller: PartyVersionedFormController,
});
