import { registry } from "@web/core/registry";
import { rpc } from "@web/core/network/rpc";

// A clerk edits a meeting while someone else saves it: her save is refused with a message
// that names the meeting, and what she typed stays in the form.
registry.category("web_tour.tours").add("party_concurrent_edit_tour", {
    steps: () => [
        {
            content: "The meeting form is open",
            trigger: ".o_form_view .o_field_widget[name=location] input",
            run: "edit TOUR-MY-ROOM",
        },
        {
            content: "Meanwhile someone else changes the meeting",
            trigger: ".o_form_view .o_form_status_indicator_buttons",
            run: async () => {
                const meetingId = parseInt(window.location.pathname.split("/").pop());
                await rpc("/web/dataset/call_kw/party.meeting/write", {
                    model: "party.meeting",
                    method: "write",
                    args: [[meetingId], { location: "TOUR-OTHER-ROOM" }],
                    kwargs: {},
                });
            },
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The save is refused with the meeting's name",
            trigger: ".modal:contains(was changed by):contains(so your change was not saved)",
        },
        {
            content: "Close the message",
            trigger: ".modal .btn-primary, .modal .btn-close",
            run: "click",
        },
        {
            content: "What the clerk typed is still in the form",
            trigger: ".o_form_view .o_field_widget[name=location] input:value(TOUR-MY-ROOM)",
        },
        {
            content: "Discard, to see the current version",
            trigger: ".o_form_button_cancel",
            run: "click",
        },
        {
            content: "The form is clean again",
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});
