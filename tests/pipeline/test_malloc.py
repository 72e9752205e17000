import platform

import pytest

from wirewatch.pipeline.malloc import cap_malloc_arenas


def test_zero_leaves_the_allocator_alone():
    assert cap_malloc_arenas(0) is False


@pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_glibc_takes_the_cap():
    assert cap_malloc_arenas(8) is True  # glibc's own default on a single core: harmless in the test run
