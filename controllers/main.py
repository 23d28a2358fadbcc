from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.http import content_disposition, request

from ..models.party_document_mixin import decode_ids


class PartyDocumentController(http.Controller):

    @http.route('/party_democratic_life/download/<string:model>/<string:kind>/<string:file_format>',
                type='http', auth='user', methods=['GET'])
    def party_document_download(self, model, kind, file_format, ids='', **kwargs):
        """A .docx or .xlsx document of records the user may read; rules apply, no sudo."""
        if model not in request.env or file_format not in ('docx', 'xlsx'):
            raise NotFound()
        Model = request.env[model]
        if not hasattr(Model, '_party_render_document') or kind not in Model._party_documents():
            raise NotFound()
        try:
            records = Model.browse(decode_ids(ids)).exists()
        except ValueError:
            raise NotFound() from None
        if not records:
            raise NotFound()
        # Record rules decide; a refusal is a plain 403, like any page the user may not see.
        if not records.has_access('read'):
            raise Forbidden()
        filename, mimetype, content = records._party_render_document(kind, file_format)
        return request.make_response(content, headers=[
            ('Content-Type', mimetype),
            ('Content-Length', len(content)),
            ('Content-Disposition', content_disposition(filename)),
        ])
