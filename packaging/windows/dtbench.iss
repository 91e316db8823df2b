; Inno Setup script for dtbench: a per-user install (no administrator rights) into
; {localappdata}\Programs\dtbench, a Start-menu entry and an uninstaller.
;
; packaging\build.py writes build\windows\version.iss with AppVersion and DistDir (the
; PyInstaller folder dist\dtbench). Compile on Windows after the build:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\dtbench.iss
; The installer is written to dist\dtbench-<version>-setup.exe.

#include "..\..\build\windows\version.iss"

#define AppName "dtbench"
#define AppExe "dtbench-gui.exe"

[Setup]
AppId={{5C8B8E0C-6F0B-4E47-9C55-2B8E2D7A4D10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=dtbench
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\..\build\bundle-stage\icons\dtbench.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
; Chinese set-up texts: if your Inno Setup has no Languages\ChineseSimplified.isl, copy the
; one from Inno Setup's translations page there, then uncomment:
; Name: "zh"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
