"""Faceted filtering, the one rule the library and search both follow.

Values combine with OR within a facet and AND across facets. The count beside a value
is the number of items that have it among those passing every *other* facet's filter,
so counts stay right while other filters are set (disjunctive faceting).
"""

from collections import defaultdict


def filter_and_count(items, values_of, selected, facets):
    """(items passing every filter, {facet: {value: count}}) in one pass.

    `values_of(item)` gives {facet: set of values}; `selected` is {facet: set of
    wanted values}, an empty set meaning no filter. An item failing one facet's filter
    still counts for that facet's values; one failing two counts nowhere."""
    wanted = {facet: set(values) for facet, values in selected.items() if values}
    counts = {facet: defaultdict(int) for facet in facets}
    matching = []
    for item in items:
        values = values_of(item)
        failed = [
            facet
            for facet, keys in wanted.items()
            if not (set(values.get(facet, ())) & keys)
        ]
        if len(failed) > 1:
            continue
        for facet in failed or facets:
            if facet in counts:
                for value in values.get(facet, ()):
                    counts[facet][value] += 1
        if not failed:
            matching.append(item)
    return matching, {facet: dict(values) for facet, values in counts.items()}
