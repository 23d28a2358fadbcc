import { registry } from "@web/core/registry";

// The principal reads what the meeting still lacks, waives one check with a reason, checks the
// talk coverage and starts writing his own outline.
registry.category("web_tour.tours").add("party_preparation_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_notebook a.nav-link:contains(Readiness)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=readiness_ids] .o_data_row:contains(Study Sessions) .badge:contains(Complete)",
        },
        {
            trigger: ".o_field_widget[name=readiness_ids] .o_data_row:contains(Upper-level Guides) .badge:contains(Missing)",
        },
        {
            trigger: ".o_field_widget[name=readiness_ids] .o_data_row:contains(Upper-level Guides) button[name=action_waive]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit The county names its guides on the day.",
        },
        {
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=readiness_ids] .o_data_row:contains(Upper-level Guides) .badge:contains(Waived)",
        },
        {
            trigger: ".o-mail-Message:contains(The county names its guides on the day.)",
        },
        {
            trigger: ".o_form_view .o_notebook a.nav-link:contains(Talk Coverage)",
            run: "click",
        },
        {
            trigger: ".o_party_talk_coverage td:contains(Zhao Dongping ↔ Qian Lixin)",
        },
        {
            trigger: ".o_main_navbar button:contains(Preparation)",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains(Outlines and Check Material)",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row:contains(Personal Outline):has(td[name=author_user_id]:contains(Zhao Dongping)) td[name=kind]",
            run: "click",
        },
        {
            trigger: ".o_form_view .alert:contains(Required sections still empty)",
        },
        {
            trigger: ".o_field_widget[name=section_ids] .o_data_row:first td.o_data_cell",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=content] .odoo-editor-editable",
            run: "editor Every item of last year is done but one.",
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
    ],
});
