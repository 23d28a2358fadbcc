from . import cn_format
from . import document_blocks
from . import docx_builder
from . import xlsx_builder
