@echo off
rem Starts jicofo.exe beside this launcher (the extracted dist archive), with its libraries and logging
rem settings. Same contract as the 2015 launcher: usage and exit status 1 without arguments or with --help,
rem /h or /?; otherwise every argument goes to the program unchanged, after
rem -Djava.util.logging.config.file=... (when lib\logging.properties exists) and the -Dname=value list in
rem JAVA_SYS_PROPS, and the exit status is the program's.
setlocal

if "%~1"=="" goto usage
if "%~1"=="--help" goto usage
if "%~1"=="/h" goto usage
if "%~1"=="/?" goto usage

rem %~dp0 is this file's folder, with a trailing backslash.
set "JICOFO_DIR=%~dp0"
set "PATH=%JICOFO_DIR%lib;%PATH%"

if exist "%JICOFO_DIR%lib\logging.properties" goto with_logging
"%JICOFO_DIR%jicofo.exe" %JAVA_SYS_PROPS% %*
exit /b %ERRORLEVEL%

:with_logging
"%JICOFO_DIR%jicofo.exe" "-Djava.util.logging.config.file=%JICOFO_DIR%lib\logging.properties" %JAVA_SYS_PROPS% %*
exit /b %ERRORLEVEL%

:usage
echo Usage:
echo %~nx0 [OPTIONS], where options can be:
echo 	--domain=DOMAIN	 sets the XMPP domain
echo 	--host=HOST	 sets the hostname of the XMPP server (default: --domain, if --domain is set, localhost otherwise)
echo 	--port=PORT	 sets the port of the XMPP server (default: 5347)
echo 	--subdomain=SUBDOMAIN	 sets the sub-domain used to bind focus XMPP component (default: focus)
echo 	--secret=SECRET	 sets the shared secret used to authenticate focus component to the XMPP server
echo 	--user_domain=DOMAIN	 specifies the name of XMPP domain used by the focus user to login
echo 	--user_name=USERNAME	 specifies the username used by the focus XMPP user to login. (default: focus@user_domain)
echo 	--user_password=PASSWORD	 specifies the password used by focus XMPP user to login. If not provided then focus user will use anonymous authentication method
echo.
exit /b 1
