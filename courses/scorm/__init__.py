"""A course as a SCORM 1.2 content package that another LMS (Moodle, Totara) imports: each
module a SCO, a standalone HTML page with its images and documents inside the package, its
quiz scored in the page by assets/scorm12.js, which reports to the LMS's SCORM 1.2 API."""
