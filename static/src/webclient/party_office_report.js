import { download } from "@web/core/network/download";
import { registry } from "@web/core/registry";
import { user } from "@web/core/user";
import { getReportUrl } from "@web/webclient/actions/reports/utils";

/**
 * The Print menu's Word and Excel reports (report types "docx" and "xlsx"): downloaded
 * through Odoo's /report/download like a PDF, rendered on the server by the report's own
 * model (models/ir_actions_report.py). Other report types are left to Odoo.
 */
async function partyOfficeReportHandler(action, options, env) {
    if (!["docx", "xlsx"].includes(action.report_type)) {
        return false;
    }
    env.services.ui.block();
    try {
        await download({
            url: "/report/download",
            data: {
                data: JSON.stringify([getReportUrl(action, action.report_type), action.report_type]),
                context: JSON.stringify({ ...user.context, ...(action.context || {}) }),
            },
        });
    } finally {
        env.services.ui.unblock();
    }
    if (options.onClose) {
        options.onClose();
    }
    return true;
}

registry.category("ir.actions.report handlers").add("party_office_report", partyOfficeReportHandler);
