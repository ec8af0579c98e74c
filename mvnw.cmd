@REM Maven wrapper for Windows: runs the Maven release pinned in .mvn\wrapper\maven-wrapper.properties.
@REM The release is installed once under %MAVEN_USER_HOME% (default %USERPROFILE%\.m2)\wrapper\dists, taken
@REM from the local Maven repository, from MVNW_REPOURL if set, or through an installed mvn. Its SHA-256
@REM is checked before it is unpacked.
@echo off
setlocal
set "MVNW_BASEDIR=%~dp0"
powershell -NoProfile -ExecutionPolicy Bypass -Command ^
  "$ErrorActionPreference='Stop';" ^
  "$props=@{}; Get-Content -LiteralPath '%MVNW_BASEDIR%.mvn\wrapper\maven-wrapper.properties' | Where-Object { $_ -match '^[^#].*=' } | ForEach-Object { $k,$v=$_ -split '=',2; $props[$k.Trim()]=$v.Trim() };" ^
  "$v=$props['mavenVersion']; $path=$props['distributionPath']; $sha=$props['distributionSha256Sum'];" ^
  "$userHome= if ($env:MAVEN_USER_HOME) { $env:MAVEN_USER_HOME } else { Join-Path $env:USERPROFILE '.m2' };" ^
  "$home=Join-Path $userHome ('wrapper\dists\apache-maven-' + $v);" ^
  "if (Test-Path (Join-Path $home 'bin\mvn.cmd')) { exit 0 };" ^
  "$work=Join-Path ([IO.Path]::GetTempPath()) ('mvnw-' + [guid]::NewGuid()); New-Item -ItemType Directory $work | Out-Null;" ^
  "$archive=Join-Path $work 'maven.tar.gz'; $local=Join-Path $userHome ('repository\' + $path);" ^
  "if (Test-Path $local) { Copy-Item $local $archive }" ^
  "elseif ($env:MVNW_REPOURL) { Invoke-WebRequest -UseBasicParsing -Uri ($env:MVNW_REPOURL.TrimEnd('/') + '/' + $path) -OutFile $archive }" ^
  "elseif (Get-Command mvn -ErrorAction SilentlyContinue) { & mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.11.0:copy ('-Dartifact=org.apache.maven:apache-maven:' + $v + ':tar.gz:bin') ('-DoutputDirectory=' + $work); Move-Item (Get-ChildItem $work -Filter 'apache-maven-*.tar.gz' | Select-Object -First 1).FullName $archive }" ^
  "else { throw ('Apache Maven ' + $v + ' is not installed. Set MVNW_REPOURL to a Maven repository base URL, or install any mvn once.') };" ^
  "if ((Get-FileHash -Algorithm SHA256 $archive).Hash.ToLower() -ne $sha.ToLower()) { throw ('checksum mismatch for Apache Maven ' + $v) };" ^
  "tar -xzf $archive -C $work; New-Item -ItemType Directory -Force (Split-Path $home) | Out-Null;" ^
  "if (-not (Test-Path $home)) { Move-Item (Join-Path $work ('apache-maven-' + $v)) $home };" ^
  "Remove-Item -Recurse -Force $work"
if errorlevel 1 exit /b 1
for /f "usebackq tokens=1,* delims==" %%a in ("%MVNW_BASEDIR%.mvn\wrapper\maven-wrapper.properties") do if "%%a"=="mavenVersion" set "MVNW_VERSION=%%b"
if defined MAVEN_USER_HOME (set "MVNW_HOME=%MAVEN_USER_HOME%") else (set "MVNW_HOME=%USERPROFILE%\.m2")
set "MAVEN_PROJECTBASEDIR=%MVNW_BASEDIR:~0,-1%"
"%MVNW_HOME%\wrapper\dists\apache-maven-%MVNW_VERSION%\bin\mvn.cmd" %*
exit /b %ERRORLEVEL%
