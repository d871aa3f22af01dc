"""The wire between the grader and its worker: what the grader refuses to decode."""
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from grader.isolation.wire import ITEMS_LIMIT, WireError, dumps, loads


@pytest.mark.parametrize("unit", ["[],", "{},", "0,", '"",', "[[[[[[[[[[0]]]]]]]]]],"])
def test_a_message_of_too_many_items_is_refused_before_parsing(unit):
    text = '{"ok": true, "id": 1, "value": [' + unit * (ITEMS_LIMIT + 1) + "0]}"
    with pytest.raises(WireError, match="items"):
        loads(text)


@given(st.lists(st.floats(allow_nan=False), max_size=50), st.integers(0, 5))
def test_arrays_cross_as_one_item_whatever_their_size(values, repeat):
    array = np.array(values * (repeat + 1), dtype=np.float64)
    message = dumps({"ok": True, "id": 3, "value": {"result": array, "shape": list(array.shape)}})
    decoded = loads(message)
    np.testing.assert_array_equal(decoded["value"]["result"], array)
    assert decoded["value"]["result"].dtype == np.float64


def test_an_array_larger_than_the_item_limit_still_crosses():
    array = np.arange(ITEMS_LIMIT * 2, dtype=np.float64)
    np.testing.assert_array_equal(loads(dumps({"value": array}))["value"], array)
