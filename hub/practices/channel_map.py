"""A small self-drawn map of the Channel area: coasts and the regions of a project.

No map tiles, no script: the coastlines are simplified outlines (longitude, latitude)
projected once into an SVG path, and each region is a marker at its approximate centre.
"""

import math
from dataclasses import dataclass
from functools import cache

from django.utils.translation import gettext_lazy as _

WEST, EAST, SOUTH, NORTH = -6.0, 4.5, 46.8, 52.2
WIDTH = 640
SCALE = WIDTH / ((EAST - WEST) * math.cos(math.radians((NORTH + SOUTH) / 2)))
HEIGHT = round((NORTH - SOUTH) * SCALE)

# fmt: off
GREAT_BRITAIN = [
    (-4.2, 52.2), (-4.66, 52.1), (-5.1, 51.98), (-5.31, 51.88), (-5.1, 51.72),
    (-4.7, 51.67), (-4.3, 51.68), (-4.3, 51.57), (-3.94, 51.61), (-3.7, 51.48),
    (-3.17, 51.46), (-2.95, 51.55), (-2.6, 51.65), (-2.67, 51.5), (-2.77, 51.49),
    (-2.98, 51.34), (-3.0, 51.24), (-3.47, 51.21), (-3.83, 51.23), (-4.12, 51.21),
    (-4.53, 51.02), (-4.55, 50.83), (-4.94, 50.55), (-5.08, 50.42), (-5.48, 50.21),
    (-5.71, 50.07), (-5.2, 49.96), (-5.06, 50.14), (-4.64, 50.33), (-4.14, 50.36),
    (-3.64, 50.22), (-3.52, 50.46), (-3.41, 50.62), (-2.94, 50.72), (-2.46, 50.52),
    (-1.96, 50.61), (-1.98, 50.71), (-1.55, 50.75), (-1.4, 50.85), (-1.09, 50.79),
    (-0.79, 50.72), (-0.14, 50.82), (0.24, 50.73), (0.58, 50.85), (0.97, 50.91),
    (1.18, 51.08), (1.32, 51.12), (1.4, 51.22), (1.45, 51.38), (1.02, 51.36),
    (0.76, 51.44), (0.45, 51.47), (0.71, 51.53), (0.95, 51.6), (0.95, 51.78),
    (1.16, 51.79), (1.28, 51.94), (1.35, 51.96), (1.57, 52.08), (1.6, 52.15),
    (1.63, 52.2),
]
ISLE_OF_WIGHT = [
    (-1.57, 50.67), (-1.3, 50.77), (-1.08, 50.68), (-1.18, 50.58), (-1.5, 50.63)
]
JERSEY = [(-2.25, 49.26), (-2.02, 49.24), (-2.02, 49.17), (-2.22, 49.18)]
GUERNSEY = [(-2.67, 49.43), (-2.52, 49.51), (-2.51, 49.42), (-2.64, 49.41)]
CONTINENT = [
    (4.45, 52.2), (4.1, 52.0), (3.6, 51.75), (3.45, 51.5), (3.3, 51.38),
    (2.92, 51.23), (2.37, 51.05), (1.85, 50.96), (1.58, 50.87), (1.6, 50.73),
    (1.59, 50.52), (1.56, 50.4), (1.6, 50.22), (1.38, 50.06), (1.08, 49.93),
    (0.37, 49.76), (0.2, 49.71), (0.1, 49.49), (0.3, 49.43), (0.07, 49.36),
    (-0.25, 49.29), (-0.62, 49.34), (-1.05, 49.39), (-1.2, 49.35), (-1.26, 49.59),
    (-1.26, 49.67), (-1.62, 49.65), (-1.94, 49.72), (-1.88, 49.53), (-1.79, 49.37),
    (-1.6, 48.84), (-1.51, 48.64), (-1.85, 48.68), (-2.03, 48.65), (-2.32, 48.68),
    (-2.73, 48.53), (-3.05, 48.78), (-3.45, 48.82), (-3.98, 48.72), (-4.55, 48.63),
    (-4.77, 48.33), (-4.5, 48.35), (-4.6, 48.2), (-4.33, 48.09), (-4.73, 48.04),
    (-4.37, 47.8), (-3.92, 47.87), (-3.37, 47.72), (-3.12, 47.48), (-2.85, 47.55),
    (-2.5, 47.5), (-2.2, 47.27), (-2.15, 47.1), (-2.05, 46.9), (-1.95, 46.8),
    (4.5, 46.8), (4.5, 52.2),
]
# fmt: on

# Approximate centres of the regions the hub knows, by slug (the same in both
# languages). A region not listed here is named under the map instead.
REGION_CENTRES = {
    "bretagne": (-3.0, 48.2),
    "normandie": (0.1, 49.1),
    "hauts-de-france": (2.75, 50.15),
    "pays-de-la-loire": (-0.8, 47.5),
    "ile-de-france": (2.5, 48.75),
    "south-east-england": (-0.6, 51.2),
    "south-west-england": (-3.6, 50.8),
    "london": (-0.12, 51.5),
    "east-of-england": (0.8, 52.0),
}


def project(lon, lat):
    x = (lon - WEST) * math.cos(math.radians((NORTH + SOUTH) / 2)) * SCALE
    y = (NORTH - lat) * SCALE
    return round(x, 1), round(y, 1)


def svg_number(value):
    """A coordinate as SVG reads it: never localised (a French template would write
    12,5, which SVG reads as two numbers)."""
    return f"{value:.1f}"


def outline(points):
    coords = [project(lon, lat) for lon, lat in points]
    head, *tail = coords
    return f"M{head[0]} {head[1]}" + "".join(f"L{x} {y}" for x, y in tail) + "Z"


@cache
def land_paths():
    return [
        outline(shape)
        for shape in (GREAT_BRITAIN, ISLE_OF_WIGHT, JERSEY, GUERNSEY, CONTINENT)
    ]


@dataclass
class Marker:
    name: str
    country: str
    x: str
    y: str
    highlighted: bool
    label_x: str = "0"
    anchor: str = "start"


def channel_map(regions):
    """What the map template needs: land outlines, one marker per known region (the
    given ones highlighted) and the given regions the map cannot place."""
    wanted = {region.slug: region for region in regions}
    markers, unplaced = [], []
    for slug, (lon, lat) in REGION_CENTRES.items():
        if slug not in wanted:
            continue
        x, y = project(lon, lat)
        region = wanted[slug]
        right_half = x > WIDTH * 0.7
        markers.append(
            Marker(
                name=region.name,
                country=region.get_country_display(),
                x=svg_number(x),
                y=svg_number(y),
                highlighted=True,
                label_x=svg_number(x - 12 if right_half else x + 12),
                anchor="end" if right_half else "start",
            )
        )
    unplaced = [region for slug, region in wanted.items() if slug not in REGION_CENTRES]
    sea_x, sea_y = project(-2.6, 50.1)
    return {
        "width": str(WIDTH),
        "height": str(HEIGHT),
        "land": land_paths(),
        "markers": markers,
        "unplaced": unplaced,
        "sea_label": {
            "x": svg_number(sea_x),
            "y": svg_number(sea_y),
            "text": _("English Channel"),
        },
        "countries": [
            {"x": svg_number(x), "y": svg_number(y), "text": text}
            for (x, y), text in (
                (project(-1.6, 51.75), _("England")),
                (project(0.9, 48.3), _("France")),
            )
        ],
    }
