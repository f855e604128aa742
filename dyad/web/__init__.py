"""The web side: a FastAPI app with a JSON API (`api.py`) and server-rendered pages (`pages.py`).

Article text is untrusted input: templates autoescape everything, and the highlighted article
(`highlight.py`) is built from offsets with every piece of text escaped on its own. Nothing is
loaded from the network: the map's basemap is drawn from country shapes shipped in a PyPI
package (`basemap.py`), the charts are inline SVG (`charts.py`), and the page needs no script.
"""
