from home.frame import Frame


def page_frame(request):
    """`frame`: the header, menu, footer and numbers, looked up only when a template asks."""
    return {"frame": Frame(request)}
