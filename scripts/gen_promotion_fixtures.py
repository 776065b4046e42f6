"""Generate NumPy's promotion tables over every strided dtype (test/fixtures/ufunc/promotion.json):
np.result_type, the dtype of true division and of add, and np.can_cast 'safe' / 'same_kind', for all pairs.

    python3 scripts/gen_promotion_fixtures.py

Deterministic (no random values). Needs numpy 2.x (written against 2.4.6); test/promotion.test.ts replays it.
"""
import os

import numpy as np

from ufunc_fixture_common import write_fixture

assert np.__version__.startswith('2.'), np.__version__

# strided's DTYPE_NAMES order
DTYPES = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float16', 'float32', 'float64']
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'ufunc')

promotion = {
    'dtypes': DTYPES,
    'resultType': [[np.result_type(np.dtype(a), np.dtype(b)).name for b in DTYPES] for a in DTYPES],
    'divide': [[np.divide(np.ones(1, a), np.ones(1, b)).dtype.name for b in DTYPES] for a in DTYPES],
    'addDtype': [[np.add(np.ones(1, a), np.ones(1, b)).dtype.name for b in DTYPES] for a in DTYPES],
    'safe': [[bool(np.can_cast(a, b, 'safe')) for b in DTYPES] for a in DTYPES],
    'sameKind': [[bool(np.can_cast(a, b, 'same_kind')) for b in DTYPES] for a in DTYPES],
}
write_fixture(OUT, 'promotion.json', promotion)
