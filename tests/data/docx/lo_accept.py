"""Open a .docx in LibreOffice, accept all tracked changes, store the text.

    /usr/bin/python3 tests/data/docx/lo_accept.py IN.docx OUT.txt [OUT.docx]

Run with a Python that has LibreOffice's ``uno`` (Debian: python3-uno, for
the system python3).  ``soffice --convert-to txt`` alone would keep the
deleted text: this dispatches ``.uno:AcceptAllTrackedChanges`` first, then
stores as "Text (encoded)" (UTF-8) and, when asked, as Word again.
"""

import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(src, out_txt, out_docx=None):
    pipe = f"resolint{os.getpid()}"
    with tempfile.TemporaryDirectory() as profile:
        office = subprocess.Popen(
            [
                "soffice",
                "--headless",
                "--norestore",
                "--nologo",
                "--nodefault",
                f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}",
                f"--accept=pipe,name={pipe};urp;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        desktop = None
        try:
            local = uno.getComponentContext()
            resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
            for _ in range(240):
                try:
                    ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                    break
                except Exception:
                    time.sleep(0.5)
            else:
                raise SystemExit("LibreOffice did not start")
            smgr = ctx.ServiceManager
            desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            url = uno.systemPathToFileUrl(os.path.abspath(src))
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
            frame = doc.getCurrentController().getFrame()
            dispatcher.executeDispatch(frame, ".uno:AcceptAllTrackedChanges", "", 0, ())
            text_url = uno.systemPathToFileUrl(os.path.abspath(out_txt))
            doc.storeToURL(text_url, (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8")))
            if out_docx:
                docx_url = uno.systemPathToFileUrl(os.path.abspath(out_docx))
                doc.storeToURL(docx_url, (prop("FilterName", "MS Word 2007 XML"),))
            doc.close(True)
        finally:
            if desktop is not None:
                try:
                    desktop.terminate()
                except Exception:
                    pass
            try:
                office.wait(timeout=60)
            except subprocess.TimeoutExpired:
                office.kill()


if __name__ == "__main__":
    main(*sys.argv[1:])
