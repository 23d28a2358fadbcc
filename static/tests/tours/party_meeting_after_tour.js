import { registry } from "@web/core/registry";

// Walks the meeting form's "after the meeting" pages and the ledger a user reads.
registry.category("web_tour.tours").add("party_meeting_after_tour", {
    steps: () => [
        {
            content: "The meeting form is open",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains(Held)",
        },
        {
            content: "Open the criticism page",
            trigger: ".o_notebook .nav-link:contains(Criticism)",
            run: "click",
        },
        {
            content: "The matrix shows each member",
            trigger: ".o_party_criticism_matrix th:contains(Qian Lixin)",
        },
        {
            content: "Open the carried-over items",
            trigger: ".o_notebook .nav-link:contains(Carried-over Items)",
            run: "click",
        },
        {
            content: "The carried item is listed",
            trigger: ".o_field_widget[name=carried_item_ids] .o_data_row:contains(TOUR-CARRIED)",
        },
        {
            content: "Open the minutes",
            trigger: ".o_notebook .nav-link:contains(Minutes)",
            run: "click",
        },
        {
            content: "Compose the minutes",
            trigger: "button[name=action_compose_minutes]",
            run: "click",
        },
        {
            content: "The minutes show the criticism",
            trigger: ".o_field_widget[name=minutes] :contains(TOUR-CRITICISM)",
        },
        {
            content: "Open the report page",
            trigger: ".o_notebook .nav-link:contains(Report)",
            run: "click",
        },
        {
            content: "The report status is shown",
            trigger: ".o_field_widget[name=report_status]",
        },
        {
            content: "Open the notice page",
            trigger: ".o_notebook .nav-link:contains(Public Notice)",
            run: "click",
        },
        {
            content: "Open the criticisms",
            trigger: "button[name=action_view_criticisms].oe_stat_button",
            run: "click",
        },
        {
            content: "The criticism list is shown",
            trigger: ".o_list_view .o_data_row:contains(Qian Lixin)",
        },
    ],
});

registry.category("web_tour.tours").add("party_rectification_overview_tour", {
    steps: () => [
        {
            content: "The overview lists the organization",
            trigger: ".o_list_view .o_data_row:contains(Bureau Party Group)",
        },
        {
            content: "Switch to the pivot",
            trigger: ".o_switch_view.o_pivot",
            run: "click",
        },
        {
            content: "The pivot shows",
            trigger: ".o_pivot table",
        },
        {
            content: "Switch to the graph",
            trigger: ".o_switch_view.o_graph",
            run: "click",
        },
        {
            content: "The graph shows",
            trigger: ".o_graph_renderer",
        },
    ],
});
