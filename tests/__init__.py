from . import test_organization
from . import test_meeting
from . import test_talk
from . import test_rectification
from . import test_access
from . import test_demo_data
from . import test_performance
