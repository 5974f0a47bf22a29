"""No module of ours imports itself back, however indirectly: a cycle is what made
the old code hide imports inside functions. (Tests are left out: they may import
any app's factories.)"""

import grimp


def test_no_module_takes_part_in_an_import_cycle():
    graph = grimp.build_graph("improvement", cache_dir=None)
    ours = {m for m in graph.modules if ".tests" not in m and ".migrations" not in m}
    cycles = []
    for importer in sorted(ours):
        for imported in graph.find_modules_directly_imported_by(importer):
            if imported in ours and imported != importer:
                back = graph.find_shortest_chain(importer=imported, imported=importer)
                if back:
                    cycles.append(" -> ".join((importer, *back)))
    assert cycles == []
