"""LibreOffice as a second Word producer, driven through UNO.

    /usr/bin/python3 tests/data/docx/lo_tools.py accept IN.docx OUT.txt [OUT.docx]
    /usr/bin/python3 tests/data/docx/lo_tools.py resave IN.docx OUT.docx
    /usr/bin/python3 tests/data/docx/lo_tools.py delete-paragraph IN.docx OUT.docx "TEXT THE PARAGRAPH STARTS WITH"

Run with a Python that has LibreOffice's ``uno`` (Debian: python3-uno, for
the system python3).  ``accept``: accept all tracked changes
(``.uno:AcceptAllTrackedChanges``; ``soffice --convert-to txt`` alone would
keep the deleted text), store as "Text (encoded)" (UTF-8) and, when asked,
as Word again.  ``resave``: open and save as Word ("MS Word 2007 XML").
``delete-paragraph``: with change recording on, delete the paragraph that
starts with TEXT together with its paragraph mark, as a drafter does in
Writer, and save as Word.
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


def main(command, src, out, extra=None):
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
            word = (prop("FilterName", "MS Word 2007 XML"),)
            if command == "accept":
                dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
                frame = doc.getCurrentController().getFrame()
                dispatcher.executeDispatch(frame, ".uno:AcceptAllTrackedChanges", "", 0, ())
                text = (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8"))
                doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), text)
                if extra:
                    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(extra)), word)
            elif command == "resave":
                doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), word)
            elif command == "delete-paragraph":
                doc.RecordChanges = True
                paragraphs = doc.getText().createEnumeration()
                while paragraphs.hasMoreElements():
                    paragraph = paragraphs.nextElement()
                    if paragraph.getString().startswith(extra):
                        cursor = doc.getText().createTextCursorByRange(paragraph.getStart())
                        cursor.gotoEndOfParagraph(True)
                        cursor.goRight(1, True)  # the paragraph mark too
                        cursor.setString("")
                        break
                else:
                    raise SystemExit(f"no paragraph starts with {extra!r}")
                doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), word)
            else:
                raise SystemExit(f"unknown command {command!r}")
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
