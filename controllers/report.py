import json
import logging

from werkzeug.exceptions import InternalServerError, NotFound

from odoo import http
from odoo.addons.web.controllers.report import ReportController
from odoo.http import content_disposition, request
from odoo.tools.misc import html_escape
from odoo.tools.safe_eval import safe_eval, time

from ..models.ir_actions_report import OFFICE_FORMATS

_logger = logging.getLogger(__name__)


class PartyReportController(ReportController):
    """Odoo's report routes, for the Word and Excel report types too: /report/docx/<report>/<ids>
    and /report/xlsx/<report>/<ids>, and the Print menu's /report/download."""

    @http.route()
    def report_routes(self, reportname, docids=None, converter=None, **data):
        if converter not in OFFICE_FORMATS:
            return super().report_routes(reportname, docids=docids, converter=converter, **data)
        report = request.env['ir.actions.report']._get_report_from_name(reportname)
        if not report or report.report_type != converter:
            raise NotFound()
        context = dict(request.env.context)
        if data.get('context'):
            context.update(json.loads(data['context']))
        # Plain ids only, as Odoo's own routes read them; access is checked before rendering.
        ids = [int(i) for i in (docids or '').split(',') if i.isdigit()]
        content, _format = request.env['ir.actions.report'].with_context(**context)._render(reportname, ids)
        return request.make_response(content, headers=[
            ('Content-Type', OFFICE_FORMATS[converter]),
            ('Content-Length', len(content)),
        ])

    @http.route()
    def report_download(self, data, context=None, token=None, readonly=True):
        url, report_type = json.loads(data)[:2]
        if report_type not in OFFICE_FORMATS:
            return super().report_download(data, context=context, token=token, readonly=readonly)
        reportname = '???'
        try:
            reportname, _sep, docids = url.split(f'/report/{report_type}/', 1)[1].split('?')[0].partition('/')
            response = self.report_routes(reportname, docids=docids, converter=report_type, context=context)
            report = request.env['ir.actions.report']._get_report_from_name(reportname)
            records = request.env[report.model].browse([int(i) for i in docids.split(',') if i.isdigit()])
            if report.print_report_name and len(records) == 1:
                filename = safe_eval(report.print_report_name, {'object': records, 'time': time})
            else:
                filename = request.env[f'report.{report.report_file}']._party_file_name(records)
            response.headers.add('Content-Disposition', content_disposition(f'{filename}.{report_type}'))
            return response
        except Exception as e:
            # As Odoo's own report download answers: the web client shows the error in a dialog.
            _logger.warning("Error while generating report %s", reportname, exc_info=True)
            error = {'code': 0, 'message': "Odoo Server Error", 'data': http.serialize_exception(e)}
            response = request.make_response(html_escape(json.dumps(error)))
            raise InternalServerError(response=response) from e
