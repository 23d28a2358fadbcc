import { registry } from "@web/core/registry";

// The review before the meeting in the browser: the principal sends the plan up, a reviewer of
// the guide group returns it with a comment (reached from the Upper Level → Reviews list), the
// principal sends it again; the reviewer approves the principal's own outline, then the plan,
// and gives consent to hold the meeting.
const registerTour = (name, steps) => registry.category("web_tour.tours").add(name, { steps: () => steps });

registerTour("party_upper_submit_plan_tour", [
    {
        trigger: ".o_form_view button[name=action_submit_plan]",
        run: "click",
    },
    {
        trigger: ".modal-footer button.btn-primary",
        run: "click",
    },
    {
        trigger: ".o_form_view .o_notebook a.nav-link:contains(Readiness)",
        run: "click",
    },
    {
        trigger: ".o_field_widget[name=plan_state]:contains(Under Review)",
    },
    {
        trigger: ".o_form_view:not(:has(button[name=action_submit_plan]))",
    },
]);

registerTour("party_upper_return_plan_tour", [
    {
        trigger: ".o_list_view .o_data_row:contains(Implementation Plan):contains(Under Review) td[name=document]",
        run: "click",
    },
    {
        trigger: ".o_form_view .o_field_widget[name=meeting_id] a",
        run: "click",
    },
    {
        trigger: ".o_form_view button[name=action_return_plan]",
        run: "click",
    },
    {
        trigger: ".modal .o_field_widget[name=comment] textarea",
        run: "edit Name the cases behind each key aspect.",
    },
    {
        trigger: ".modal button[name=action_confirm]",
        run: "click",
    },
    {
        trigger: ".o-mail-Message:contains(Name the cases behind each key aspect.)",
    },
    {
        trigger: ".o_form_view:not(:has(button[name=action_approve_plan]))",
    },
]);

registerTour("party_upper_approve_outline_tour", [
    {
        trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains(Under Upper-level Review)",
    },
    {
        trigger: ".o_form_view button[name=action_approve]",
        run: "click",
    },
    {
        trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains(Approved)",
    },
]);

registerTour("party_upper_consent_tour", [
    {
        trigger: ".o_form_view button[name=action_approve_plan]",
        run: "click",
    },
    {
        trigger: ".o_form_view button[name=action_give_consent]",
        run: "click",
    },
    {
        trigger: ".modal-footer button.btn-primary",
        run: "click",
    },
    {
        trigger: ".o-mail-Message:contains(agreed that the meeting may be held)",
    },
    {
        trigger: ".o_form_view .o_notebook a.nav-link:contains(Readiness)",
        run: "click",
    },
    {
        trigger: ".o_field_widget[name=readiness_ids] .o_data_row:contains(Consent to Hold) .badge:contains(Complete)",
    },
]);
