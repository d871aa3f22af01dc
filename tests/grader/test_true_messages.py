"""Messages that quote what the student's code does, not what the book's would do."""
import pytest

from grader.api import grade
from tests.grader.mutants import build, patched

NET_FILE = "ch05/two_layer_net.py"
SIGNATURE = "    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):"
API_CHECK = "TwoLayerNet has the book's params, layers and methods"


def _net_api_reason(tmp_path, before, after):
    member = patched("net_init", NET_FILE, before, after)
    (result,) = grade(build(member, tmp_path / "s"), chapters=("ch05",), select=lambda c: c.name == API_CHECK)
    assert result.status == "partial"
    return result.reason_in("en"), result.reason_in("ko")


@pytest.mark.parametrize("default", ["0.1", "1"])
def test_another_default_of_weight_init_std_is_quoted(default, tmp_path):
    english, korean = _net_api_reason(tmp_path, SIGNATURE, SIGNATURE.replace("=0.01", f"={default}"))
    assert f"weight_init_std defaults to {float(default):g} in your TwoLayerNet" in english
    assert "default weight_init_std=0.01" not in english
    assert f"기본값: {float(default):g}" in korean


def test_the_books_default_with_another_scale_is_quoted_as_the_books(tmp_path):
    english, _ = _net_api_reason(tmp_path, '"W1": weight_init_std * np.random.randn(input_size, hidden_size),',
                                 '"W1": 0.1 * np.random.randn(input_size, hidden_size),')
    assert "with the default weight_init_std=0.01" in english


def test_a_default_that_is_no_number_makes_no_claim_about_it(tmp_path):
    english, _ = _net_api_reason(tmp_path, SIGNATURE, SIGNATURE.replace("=0.01", "=None") + """
        weight_init_std = 0.05 if weight_init_std is None else weight_init_std""")
    assert "built without weight_init_std" in english and "defaults to" not in english
