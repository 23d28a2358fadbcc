import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";
import { inputFiles } from "@web/../tests/utils";
import { download } from "@web/core/network/download";

// The reference case as the principal walks it in the browser, in three parts; what the other
// members do in between is set up by tests/test_tour_cycle.py. Dates are typed in the test
// user's format (en_US) and relative to today: the meeting was held yesterday at 09:00.
const { DateTime } = luxon;
const MEETING = "Special Meeting on Party History Study";
const ASPECTS = [
    "Uphold the Two Establishments",
    "Keep the founding mission",
    "Serve the people",
    "Learn from history",
    "Govern the Party strictly",
];
const ITEM = "Visit each law enforcement squad every quarter";

function statusIs(label) {
    return {
        content: `The status is ${label}`,
        trigger: `.o_form_view .o_statusbar_status .o_arrow_button_current:contains(${label})`,
    };
}

function openTab(label) {
    return {
        content: `Open the tab ${label}`,
        trigger: `.o_form_view .o_notebook a.nav-link:contains(${label})`,
        run: "click",
    };
}

function pickMany2one(field, search, label, scope = ".o_form_view") {
    return [
        {
            content: `Search ${search} in ${field}`,
            trigger: `${scope} .o_field_widget[name=${field}] input`,
            run: `edit ${search}`,
        },
        {
            content: `Pick ${label}`,
            trigger: `.o-autocomplete--dropdown-item:contains(${label})`,
            run: "click",
        },
    ];
}

function pickSelection(field, label) {
    return [
        {
            content: `Open the choices of ${field}`,
            trigger: `.o_form_view .o_field_widget[name=${field}] .o_select_menu_toggler`,
            run: "click",
        },
        {
            content: `Choose ${label}`,
            trigger: `.o_select_menu_menu .o_select_menu_item:contains(${label})`,
            run: "click",
        },
    ];
}

function writeHtml(field, text) {
    return {
        content: `Write in ${field}`,
        trigger: `.o_form_view .o_field_widget[name=${field}] .odoo-editor-editable`,
        run: `editor ${text}`,
    };
}

function save() {
    return [
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
    ];
}

function backTo(label) {
    return {
        content: `Back to ${label}`,
        trigger: `.o_breadcrumb .breadcrumb-item a:contains(${label})`,
        run: "click",
    };
}

// Part 1: create the meeting from the menu, start preparing, plan the talks and record the
// principal's talk with Qian Lixin.
registry.category("web_tour.tours").add("party_democratic_life_cycle_tour", {
    steps: () => {
        const heldOn = DateTime.now().minus({ days: 1 }).set({ hour: 9, minute: 0, second: 0 });
        const talkedOn = heldOn.minus({ days: 1 });
        return [
            stepUtils.showAppsMenuItem(),
            {
                content: "Open the Democratic Life app",
                trigger: ".o_app[data-menu-xmlid='party_democratic_life.party_democratic_life_menu_root']",
                run: "click",
            },
            {
                content: "Meetings: create a new one",
                trigger: ".o_list_view .o_list_button_add",
                run: "click",
            },
            {
                content: "A new meeting has no checklist yet, hence no warning",
                trigger: ".o_form_view .o_form_sheet:not(:has(.alert-warning))",
            },
            {
                trigger: ".o_form_view .o_field_widget[name=name] input",
                run: `edit ${MEETING}`,
            },
            ...pickMany2one("organization_id", "Bureau", "Bureau Party Group"),
            openTab("Participants"),
            {
                content: "The team is listed as participants",
                trigger: ".o_field_widget[name=attendee_ids] .o_data_row:contains(Zhou Jianguo)",
            },
            ...pickSelection("meeting_type", "Special Meeting"),
            {
                trigger: ".o_form_view .o_field_widget[name=theme] textarea",
                run: "edit Carry forward the great founding spirit of the Party",
            },
            {
                content: "Held yesterday at 09:00",
                trigger: ".o_form_view .o_field_widget[name=date_start] input",
                run: `edit ${heldOn.toFormat("MM/dd/yyyy HH:mm:ss")} && press Enter`,
            },
            openTab("Key Aspects"),
            ...ASPECTS.flatMap((title) => [
                {
                    content: "Add a key aspect",
                    trigger: ".o_field_widget[name=focus_ids] .o_field_x2many_list_row_add a",
                    run: "click",
                },
                {
                    trigger: ".o_field_widget[name=focus_ids] .o_selected_row .o_field_widget[name=title] input",
                    run: `edit ${title}`,
                },
            ]),
            ...save(),
            statusIs("Draft"),
            {
                content: "Start preparing",
                trigger: ".o_form_view button[name=action_prepare]",
                run: "click",
            },
            statusIs("Preparing"),
            openTab("Talk Coverage"),
            {
                content: "No talk is held yet",
                trigger: ".o_party_talk_coverage tr:contains(Zhao Dongping ↔ Qian Lixin) .badge:contains(Missing)",
            },
            {
                content: "Plan a talk for every pair",
                trigger: ".o_form_view button[name=action_plan_missing_talks]",
                run: "click",
            },
            {
                content: "Open the principal's talk with Qian Lixin",
                trigger:
                    ".o_list_view .o_data_row:has(td[name=initiator_user_id]:contains(Zhao Dongping)):has(td[name=counterpart_user_id]:contains(Qian Lixin)) td[name=talk_type]",
                run: "click",
            },
            statusIs("Planned"),
            {
                trigger: ".o_form_view .o_field_widget[name=date] input",
                run: `edit ${talkedOn.toFormat("MM/dd/yyyy")} && press Enter`,
            },
            {
                trigger: ".o_form_view .o_field_widget[name=location] input",
                run: "edit Secretary's office",
            },
            writeHtml("content", "Discussed the duty areas and the criticisms to expect."),
            openTab("One Post, Two Duties"),
            writeHtml("duty_report", "Law enforcement squads checked every quarter."),
            {
                content: "The talk took place",
                trigger: ".o_form_view button[name=action_done]",
                run: "click",
            },
            statusIs("Done"),
            backTo(MEETING),
            {
                content: "Nine pairs are still to talk",
                trigger: ".o_form_view .oe_stat_button:contains(Missing Pairs) .o_stat_value:contains(9)",
            },
            openTab("Talk Coverage"),
            {
                trigger: ".o_party_talk_coverage tr:contains(Zhao Dongping ↔ Qian Lixin) .badge:contains(Done)",
            },
        ];
    },
});

// Part 2: the others have talked and written. The principal approves Qian Lixin's outline, sees
// the checklist complete, holds the meeting and records his self-criticism and Qian's criticism.
registry.category("web_tour.tours").add("party_democratic_life_cycle_hold_tour", {
    steps: () => [
        statusIs("Preparing"),
        {
            content: "The checklist is not complete",
            trigger: ".o_form_view .alert-warning:contains(readiness checks are not met)",
        },
        openTab("Readiness"),
        {
            content: "Qian Lixin's outline waits for approval",
            trigger:
                ".o_field_widget[name=readiness_ids] .o_data_row:contains(Personal Outlines Approved):contains(Qian Lixin: the outline is submitted, not approved) .badge:contains(Missing)",
        },
        {
            trigger: ".o_field_widget[name=readiness_ids] .o_data_row:contains(Talk Coverage) .badge:contains(Complete)",
        },
        {
            content: "Open the outlines",
            trigger: ".o_form_view button[name=action_view_statements]",
            run: "click",
        },
        {
            content: "Open Qian Lixin's outline",
            trigger:
                ".o_list_view .o_data_row:has(td[name=author_user_id]:contains(Qian Lixin)) td[name=kind]",
            run: "click",
        },
        statusIs("Submitted"),
        {
            content: "Approve it",
            trigger: ".o_form_view button[name=action_approve]",
            run: "click",
        },
        statusIs("Approved"),
        backTo(MEETING),
        {
            content: "The meeting is ready to hold",
            trigger: ".o_form_view .alert-success:contains(ready to hold)",
        },
        openTab("Readiness"),
        {
            trigger: ".o_field_widget[name=readiness_ids] .o_data_row:contains(Personal Outlines Approved) .badge:contains(Complete)",
        },
        {
            content: "Hold the meeting",
            trigger: ".o_form_view button[name=action_hold]",
            run: "click",
        },
        statusIs("Held"),
        openTab("Criticism"),
        {
            content: "Nobody has spoken yet",
            trigger: ".o_form_view .alert-warning:contains(Zhao Dongping: no self-criticism)",
        },
        {
            content: "Record the criticisms",
            trigger: ".o_form_view .o_notebook button[name=action_view_criticisms]",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        ...pickSelection("kind", "Self-criticism"),
        ...pickMany2one("target_user_id", "Zhao", "Zhao Dongping"),
        writeHtml("content", "I visited the grassroots too seldom."),
        ...save(),
        {
            content: "A second criticism",
            trigger: ".o_form_view .o_form_button_create",
            run: "click",
        },
        ...pickMany2one("target_user_id", "Zhao", "Zhao Dongping"),
        ...pickMany2one("critic_user_id", "Qian", "Qian Lixin"),
        writeHtml("content", "The squads in the townships rarely see the secretary."),
        ...save(),
        backTo(MEETING),
        openTab("Criticism"),
        {
            content: "The matrix counts Qian Lixin's criticism of the principal",
            trigger: ".o_party_criticism_matrix tr:contains(Zhao Dongping) td:contains(1 of at least 2 criticisms)",
        },
    ],
});

// Part 3: the criticisms are complete. The principal starts the rectification, turns Qian
// Lixin's criticism into an item, completes and verifies it, finds it in the ledger and prints
// the implementation plan from the meeting's Print menu.
registry.category("web_tour.tours").add("party_democratic_life_cycle_rectify_tour", {
    steps: () => {
        const deadline = DateTime.now().plus({ days: 30 });
        return [
            statusIs("Held"),
            openTab("Criticism"),
            {
                content: "Every member has had his criticisms",
                trigger: ".o_party_criticism_matrix tr:contains(Zhou Jianguo) td.text-success:contains(complete)",
            },
            {
                content: "Move on to rectification",
                trigger: ".o_form_view button[name=action_rectify]",
                run: "click",
            },
            statusIs("Rectifying"),
            openTab("Minutes"),
            {
                content: "The minutes are composed and locked",
                trigger: ".o_field_widget[name=minutes]:contains(I visited the grassroots too seldom.)",
            },
            {
                content: "Open the criticisms",
                trigger: ".o_form_view .oe_stat_button[name=action_view_criticisms]",
                run: "click",
            },
            {
                content: "Open Qian Lixin's criticism of the principal",
                trigger:
                    ".o_list_view .o_data_row:has(td[name=critic_user_id]:contains(Qian Lixin)):has(td[name=target_user_id]:contains(Zhao Dongping)) td[name=kind]",
                run: "click",
            },
            {
                content: "Turn it into a rectification item",
                trigger: ".o_form_view button[name=action_to_rectification]",
                run: "click",
            },
            {
                content: "The item comes from the criticism",
                trigger: ".o_form_view .o_field_widget[name=criticism_id]:contains(Zhao Dongping)",
            },
            {
                trigger: ".o_form_view .o_field_widget[name=name] input",
                run: `edit ${ITEM}`,
            },
            writeHtml("measures", "Spend a day with each squad every quarter."),
            {
                trigger: ".o_form_view .o_field_widget[name=deadline] input",
                run: `edit ${deadline.toFormat("MM/dd/yyyy")} && press Enter`,
            },
            ...save(),
            statusIs("Open"),
            {
                content: "Start",
                trigger: ".o_form_view button[name=action_start]",
                run: "click",
            },
            statusIs("In Progress"),
            openTab("Completion"),
            writeHtml("completion_note", "All six squads visited."),
            {
                content: "Upload the evidence",
                trigger: ".o_form_view .o_field_widget[name=evidence_attachment_ids]",
                async run() {
                    const pdf = new File(["%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"], "visit-record.pdf", {
                        type: "application/pdf",
                    });
                    await inputFiles(".o_form_view .o_field_widget[name=evidence_attachment_ids] input.o_input_file", [pdf]);
                },
            },
            {
                trigger: ".o_form_view .o_field_widget[name=evidence_attachment_ids] .o_attachment:contains(visit-record)",
            },
            {
                content: "Mark it done",
                trigger: ".o_form_view button[name=action_done]",
                run: "click",
            },
            statusIs("Done"),
            {
                content: "Verify it",
                trigger: ".o_form_view button[name=action_verify]",
                run: "click",
            },
            statusIs("Verified"),
            {
                trigger: ".o_form_view .o_field_widget[name=verified_by_id]:contains(Zhao Dongping)",
            },
            {
                content: "Open the ledger",
                trigger: ".o_main_navbar button:contains(Rectification)",
                run: "click",
            },
            {
                trigger: ".dropdown-item:contains(Rectification Ledger)",
                run: "click",
            },
            {
                trigger: ".o_control_panel .o_switch_view.o_kanban",
                run: "click",
            },
            {
                content: "The item is in the Verified column",
                trigger: `.o_kanban_view .o_kanban_group:has(.o_column_title:contains(Verified)) .o_kanban_record:contains(${ITEM})`,
            },
            {
                content: "Back to the meeting",
                trigger: ".o_main_navbar [data-menu-xmlid='party_democratic_life.party_meeting_menu']",
                run: "click",
            },
            {
                trigger: `.o_list_view .o_data_row:contains(${MEETING}) td[name=name]`,
                run: "click",
            },
            statusIs("Rectifying"),
            {
                content: "Note when the printed document comes back (the test browser does not save files)",
                trigger: ".o_form_view",
                run() {
                    const original = download._download;
                    download._download = async (options) => {
                        const result = await original(options);
                        document.body.dataset.partyPrinted = options.data.data;
                        return result;
                    };
                },
            },
            {
                content: "Open the actions",
                trigger: ".o_form_view .o_cp_action_menus i.fa-cog",
                run: "click",
            },
            {
                content: "Print",
                trigger: ".dropdown-menu button:has(i.fa-print)",
                run: "click",
            },
            {
                content: "The implementation plan",
                trigger: ".dropdown-menu .o_menu_item:contains(Implementation Plan):not(:contains(.docx))",
                run: "click",
            },
            {
                content: "The plan is printed",
                trigger: "body[data-party-printed*='meeting_plan']:not(:has(.o_error_dialog))",
            },
            {
                content: "Open the actions again",
                trigger: ".o_form_view .o_cp_action_menus i.fa-cog",
                run: "click",
            },
            {
                content: "Print",
                trigger: ".dropdown-menu button:has(i.fa-print)",
                run: "click",
            },
            {
                content: "The implementation plan as a Word file, from the same Print menu",
                trigger: ".dropdown-menu .o_menu_item:contains(Implementation Plan (.docx))",
                run: "click",
            },
            {
                content: "The Word file is downloaded through Odoo's report download",
                trigger: "body[data-party-printed*='meeting_plan_docx']:not(:has(.o_error_dialog))",
            },
        ];
    },
});
