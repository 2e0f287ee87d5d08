; Windows installer of the Jitsi Meet conference focus (jicofo). It installs the win64 dist archive
; (jicofo-windows-x64-LABEL.zip) into Program Files and registers the program as the Windows service "jicofo"
; (display name "Jitsi Meet Focus", automatic start-up). The service starts with the 2015 flags from the
; installer's settings, logs to log\jicofo.log and reads config\sip-communicator.properties, both in the
; installation folder.
;
; Built on Linux by installers/windows/build-installer.sh (Debian's nsis package):
;   makensis -DSOURCE_DIR=<unpacked jicofo-windows-x64-LABEL> -DOUT_FILE=<setup.exe> -DVERSION=1.0.0 jicofo.nsi
;
; Settings: a page of the interactive installer, or options of a silent one (/S):
;   jicofo-setup.exe /S /DOMAIN=example.com /SECRET=s [/HOST=localhost] [/PORT=5347]
;       [/USER_DOMAIN=auth.DOMAIN] [/USER_PASSWORD=pw] [/OPTS="more flags"] [/NOSTART] [/D=C:\Jicofo]
; A value with blanks is quoted after the = sign, as above (not "/OPTS=..."); /D= must come last (NSIS's
; rule). An earlier installation's settings are the defaults (registry key HKLM\Software\Jitsi\Jicofo), as the
; Debian package keeps its config on upgrade; so is an existing config\sip-communicator.properties.
; Exit status: 0 done, 2 missing or bad settings, 3 the service could not be registered (the reason of either
; in %TEMP%\jicofo-setup-error.txt).

Unicode true
Target amd64-unicode
!include LogicLib.nsh
!include FileFunc.nsh
!include nsDialogs.nsh
!include x64.nsh

!ifndef SOURCE_DIR
  !error "makensis -DSOURCE_DIR=<the unpacked jicofo-windows-x64-LABEL folder> ..."
!endif
!ifndef OUT_FILE
  !define OUT_FILE "jicofo-setup.exe"
!endif
!ifndef VERSION
  !define VERSION "1.0.0"
!endif
!define SERVICE "jicofo"
!define SETTINGS_KEY "Software\Jitsi\Jicofo"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Jicofo"

Name "Jitsi Meet Focus (jicofo) ${VERSION}"
OutFile "${OUT_FILE}"
InstallDir "$PROGRAMFILES64\Jicofo"
InstallDirRegKey HKLM "${SETTINGS_KEY}" "InstallDir"
RequestExecutionLevel admin
ShowInstDetails show
ShowUninstDetails show

Var Domain
Var Host
Var Port
Var Secret
Var UserDomain
Var UserPassword
Var Opts
Var NoStart
Var Problem
Var DomainField
Var HostField
Var PortField
Var SecretField
Var UserDomainField
Var UserPasswordField

Page directory
Page custom SettingsPage SettingsLeave
Page instfiles
UninstPage uninstConfirm
UninstPage instfiles

; Reads one setting: the earlier installation's value, replaced by the /NAME= option when given.
!macro Setting VAR NAME OPTION
  ReadRegStr ${VAR} HKLM "${SETTINGS_KEY}" "${NAME}"
  ClearErrors
  ${GetOptions} $R0 "${OPTION}" $R1
  ${IfNot} ${Errors}
    StrCpy ${VAR} $R1
  ${EndIf}
!macroend


Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "This is the 64-bit focus: it needs 64-bit Windows." /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
  SetRegView 64
  ${GetParameters} $R0
  !insertmacro Setting $Domain "Domain" "/DOMAIN="
  !insertmacro Setting $Host "Host" "/HOST="
  !insertmacro Setting $Port "Port" "/PORT="
  !insertmacro Setting $Secret "Secret" "/SECRET="
  !insertmacro Setting $UserDomain "UserDomain" "/USER_DOMAIN="
  !insertmacro Setting $UserPassword "UserPassword" "/USER_PASSWORD="
  !insertmacro Setting $Opts "Opts" "/OPTS="
  ClearErrors
  ${GetOptions} $R0 "/NOSTART" $R1
  ${IfNot} ${Errors}
    StrCpy $NoStart 1
  ${EndIf}
  ; The 2015 defaults (the Debian package's config).
  ${If} $Host == ""
    StrCpy $Host "localhost"
  ${EndIf}
  ${If} $Port == ""
    StrCpy $Port "5347"
  ${EndIf}
  IfSilent 0 done
  Call CheckSettings
  ${If} $Problem != ""
    MessageBox MB_OK|MB_ICONSTOP "$Problem" /SD IDOK
    ; A silent install has no window: the reason goes to %TEMP%\jicofo-setup-error.txt.
    FileOpen $0 "$TEMP\jicofo-setup-error.txt" w
    FileWrite $0 "jicofo setup: $Problem$\r$\n"
    FileClose $0
    SetErrorLevel 2
    Quit
  ${EndIf}
  done:
FunctionEnd

!macro NoQuote VAR
  Push ${VAR}
  Call HasQuote
  Pop $R4
  ${If} $R4 == 1
    StrCpy $Problem 'settings must not contain a double quote (")'
  ${EndIf}
!macroend

; Sets $Problem to what is wrong with the settings, or to "". Fills in the user domain (auth.DOMAIN).
Function CheckSettings
  StrCpy $Problem ""
  ${If} $UserDomain == ""
  ${AndIf} $Domain != ""
    StrCpy $UserDomain "auth.$Domain"
  ${EndIf}
  ${If} $Domain == ""
    StrCpy $Problem "the XMPP domain is required (/DOMAIN=)"
  ${ElseIf} $Secret == ""
    StrCpy $Problem "the component secret is required (/SECRET=)"
  ${EndIf}
  ; Every value goes into the service's command line between double quotes.
  !insertmacro NoQuote $Domain
  !insertmacro NoQuote $Host
  !insertmacro NoQuote $Port
  !insertmacro NoQuote $Secret
  !insertmacro NoQuote $UserDomain
  !insertmacro NoQuote $UserPassword
FunctionEnd

; Pushes 1 when the string on the stack holds a double quote, else 0.
Function HasQuote
  Exch $R5
  Push $R6
  Push $R7
  StrCpy $R6 0
  ${Do}
    StrCpy $R7 $R5 1 $R6
    ${If} $R7 == ""
      StrCpy $R5 0
      ${Break}
    ${ElseIf} $R7 == "$\""
      StrCpy $R5 1
      ${Break}
    ${EndIf}
    IntOp $R6 $R6 + 1
  ${Loop}
  Pop $R7
  Pop $R6
  Exch $R5
FunctionEnd

Function SettingsPage
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateLabel} 0 0 100% 12u "The focus connects to the XMPP server as the component focus.DOMAIN."
  Pop $0
  ${NSD_CreateLabel} 0 16u 35% 12u "XMPP domain (--domain)"
  Pop $0
  ${NSD_CreateText} 36% 14u 64% 12u $Domain
  Pop $DomainField
  ${NSD_CreateLabel} 0 32u 35% 12u "XMPP server host (--host)"
  Pop $0
  ${NSD_CreateText} 36% 30u 64% 12u $Host
  Pop $HostField
  ${NSD_CreateLabel} 0 48u 35% 12u "Component port (--port)"
  Pop $0
  ${NSD_CreateNumber} 36% 46u 64% 12u $Port
  Pop $PortField
  ${NSD_CreateLabel} 0 64u 35% 12u "Component secret (--secret)"
  Pop $0
  ${NSD_CreatePassword} 36% 62u 64% 12u $Secret
  Pop $SecretField
  ${NSD_CreateLabel} 0 80u 35% 12u "Focus user domain (--user_domain)"
  Pop $0
  ${NSD_CreateText} 36% 78u 64% 12u $UserDomain
  Pop $UserDomainField
  ${NSD_CreateLabel} 0 96u 35% 12u "Focus user password (empty: anonymous)"
  Pop $0
  ${NSD_CreatePassword} 36% 94u 64% 12u $UserPassword
  Pop $UserPasswordField
  nsDialogs::Show
FunctionEnd

Function SettingsLeave
  ${NSD_GetText} $DomainField $Domain
  ${NSD_GetText} $HostField $Host
  ${NSD_GetText} $PortField $Port
  ${NSD_GetText} $SecretField $Secret
  ${NSD_GetText} $UserDomainField $UserDomain
  ${NSD_GetText} $UserPasswordField $UserPassword
  Call CheckSettings
  ${If} $Problem != ""
    MessageBox MB_OK|MB_ICONEXCLAMATION "$Problem"
    Abort
  ${EndIf}
FunctionEnd

Section "Jitsi Meet Focus"
  SetRegView 64
  ; An earlier installation's service is stopped and removed first: its program is replaced.
  ${If} ${FileExists} "$INSTDIR\jicofo.exe"
    DetailPrint "Stopping and removing the earlier ${SERVICE} service"
    nsExec::ExecToLog '"$SYSDIR\net.exe" stop ${SERVICE}'
    Pop $0
    nsExec::ExecToLog '"$INSTDIR\jicofo.exe" /unregisterService'
    Pop $0
  ${EndIf}

  SetOutPath "$INSTDIR"
  File /r "${SOURCE_DIR}\*.*"
  CreateDirectory "$INSTDIR\log"
  CreateDirectory "$INSTDIR\config"
  ; The focus reads config\sip-communicator.properties; an empty one means the defaults (kept on upgrade).
  ${IfNot} ${FileExists} "$INSTDIR\config\sip-communicator.properties"
    FileOpen $0 "$INSTDIR\config\sip-communicator.properties" w
    FileClose $0
  ${EndIf}

  WriteRegStr HKLM "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${SETTINGS_KEY}" "Domain" "$Domain"
  WriteRegStr HKLM "${SETTINGS_KEY}" "Host" "$Host"
  WriteRegStr HKLM "${SETTINGS_KEY}" "Port" "$Port"
  WriteRegStr HKLM "${SETTINGS_KEY}" "Secret" "$Secret"
  WriteRegStr HKLM "${SETTINGS_KEY}" "UserDomain" "$UserDomain"
  WriteRegStr HKLM "${SETTINGS_KEY}" "UserPassword" "$UserPassword"
  WriteRegStr HKLM "${SETTINGS_KEY}" "Opts" "$Opts"

  ; The flags of the Debian init script (no --user_name: the default focus applies), plus where this
  ; installation keeps its logging settings, properties file and log.
  StrCpy $1 '"-Djava.util.logging.config.file=$INSTDIR\lib\logging.properties"'
  StrCpy $1 '$1 "-Dnet.java.sip.communicator.SC_HOME_DIR_LOCATION=$INSTDIR"'
  StrCpy $1 '$1 -Dnet.java.sip.communicator.SC_HOME_DIR_NAME=config'
  StrCpy $1 '$1 "-Dorg.jitsi.jicofo.log.FILE=$INSTDIR\log\jicofo.log"'
  StrCpy $1 '$1 "--host=$Host" "--domain=$Domain" "--port=$Port" "--secret=$Secret"'
  StrCpy $1 '$1 "--user_domain=$UserDomain"'
  ${If} $UserPassword != ""
    StrCpy $1 '$1 "--user_password=$UserPassword"'
  ${EndIf}
  ${If} $Opts != ""
    StrCpy $1 '$1 $Opts'
  ${EndIf}
  DetailPrint "Registering the ${SERVICE} service"
  nsExec::ExecToStack '"$INSTDIR\jicofo.exe" /registerService /startup=auto "/displayName=Jitsi Meet Focus" "/description=Jitsi Meet conference focus (focus.$Domain)" $1'
  Pop $0
  Pop $2
  ${If} $0 != 0
    DetailPrint "jicofo.exe /registerService failed ($0): $2"
    FileOpen $3 "$TEMP\jicofo-setup-error.txt" w
    FileWrite $3 "jicofo setup: jicofo.exe /registerService failed ($0): $2$\r$\n"
    FileClose $3
    SetErrorLevel 3
    Abort "The ${SERVICE} service could not be registered."
  ${EndIf}

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "Jitsi Meet Focus (jicofo)"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "Jitsi"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1

  ${If} $NoStart != 1
    DetailPrint "Starting the ${SERVICE} service"
    nsExec::ExecToLog '"$SYSDIR\net.exe" start ${SERVICE}'
    Pop $0
  ${EndIf}
SectionEnd

; Removes the program and the service; config\ and log\ stay, as the Debian package's remove keeps them.
Section "Uninstall"
  SetRegView 64
  nsExec::ExecToLog '"$SYSDIR\net.exe" stop ${SERVICE}'
  Pop $0
  nsExec::ExecToLog '"$INSTDIR\jicofo.exe" /unregisterService'
  Pop $0
  Delete "$INSTDIR\jicofo.exe"
  Delete "$INSTDIR\jicofo.bat"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\sip-communicator.properties.sample"
  RMDir /r "$INSTDIR\lib"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR\log"
  RMDir "$INSTDIR\config"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "${SETTINGS_KEY}"
SectionEnd
