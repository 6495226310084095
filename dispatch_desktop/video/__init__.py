"""Video for the wall, without Qt: stream addresses and readers, camera selection near an incident,
the camera CSV import, snapshots, the synthetic demo clips and an HTTP-MJPEG test server.

The Qt panel that shows all this lives in ``dispatch_desktop.ui.video_wall``.
"""
