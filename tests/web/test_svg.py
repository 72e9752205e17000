from wirewatch.web import svg


def _place(name, lat, lon, articles=1):
    return {"name": name, "country": "XX", "lat": lat, "lon": lon, "articles": articles}


def test_a_place_is_drawn_at_its_coordinates():
    (p,) = svg.map_points([_place("Null Island", 0.0, 0.0)])
    assert (p.x, p.y) == (svg.MAP_W / 2, svg.MAP_H / 2) and p.show_name


def test_a_name_that_would_cover_another_is_left_to_the_tooltip():
    points = svg.map_points([_place("Tashkent", 41.3, 69.2, 3), _place("Dushanbe", 38.5, 68.8, 2),
                             _place("Kabul", 34.5, 69.2, 2)])
    assert [p.show_name for p in points] == [True, False, True]
    assert all(p.name in p.label for p in points)


def test_only_the_first_places_are_named():
    points = svg.map_points([_place(f"P{i}", -80 + 10 * i, -170 + 20 * i) for i in range(6)], named=4)
    assert [p.show_name for p in points] == [True] * 4 + [False] * 2


def test_places_without_usable_coordinates_are_left_out():
    assert svg.map_points([_place("Nowhere", None, 10.0), _place("Beyond", 95.0, 10.0)]) == []
