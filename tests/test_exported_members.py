import wirewatch


def test_all_is_sorted_and_every_name_exists():
    assert wirewatch.__all__ == sorted(wirewatch.__all__)
    assert all(hasattr(wirewatch, name) for name in wirewatch.__all__)
