; Inno Setup script for Palavra on Windows.
; 1. Build the one-folder app on Windows:  .venv\Scripts\pyinstaller --noconfirm --clean installers\palavra.spec
; 2. Compile this script:                  iscc installers\palavra.iss   (Inno Setup 6)
; The installer is written to dist\installer\Palavra-<version>-setup.exe. It installs per user by default
; (no administrator rights needed) and leaves the user's data folder alone on uninstall.

#define AppName "Palavra"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppExe "palavra.exe"

[Setup]
AppId={{6C3F1A52-5E0B-4F7B-9A53-2B9E7F1D8A40}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Palavra contributors
AppComments=Offline English <-> Portuguese translation and language practice
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist\installer
OutputBaseFilename=Palavra-{#AppVersion}-setup
SetupIconFile=palavra.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "brazilianportuguese"; MessagesFile: "compiler:Languages\BrazilianPortuguese.isl"
Name: "portuguese"; MessagesFile: "compiler:Languages\Portuguese.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\palavra\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
