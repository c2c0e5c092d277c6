# What `cmake --install` puts where, and the Debian package (`cpack -G DEB`, run by
# scripts/package-test.sh). Only the program and its data: no test or benchmark binaries.
#   bin/gongwen
#   share/gongwen/{layouts,fonts,web}     found relative to bin/ (engine/model/LayoutCatalog.cpp)
#   share/doc/gongwen/examples/           the nginx site and the systemd units
#   lib/systemd/system/gongwen{,@}.service  ExecStart pointing at the prefix's bin/

install(TARGETS gongwen RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/layouts ${CMAKE_SOURCE_DIR}/fonts ${CMAKE_SOURCE_DIR}/web
        DESTINATION ${GONGWEN_INSTALL_DATA_DIR})

# The units name the program by its full path: the repository's copies say /usr/bin/gongwen,
# the installed ones the prefix's bin/ (decided at install time: cpack installs into /usr).
install(CODE "
  foreach(unit gongwen.service gongwen@.service)
    file(READ \"${CMAKE_SOURCE_DIR}/deploy/systemd/\${unit}\" text)
    string(REPLACE /usr/bin/gongwen \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/gongwen\"
           text \"\${text}\")
    set(to \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/lib/systemd/system\")
    message(STATUS \"Installing: \${to}/\${unit}\")
    file(MAKE_DIRECTORY \"\${to}\")
    file(WRITE \"\${to}/\${unit}\" \"\${text}\")
  endforeach()")
install(FILES ${CMAKE_SOURCE_DIR}/deploy/nginx/gongwen.conf
        ${CMAKE_SOURCE_DIR}/deploy/systemd/gongwen.service
        ${CMAKE_SOURCE_DIR}/deploy/systemd/gongwen@.service
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

# The Debian package. dpkg-shlibdeps names the libraries' packages (libharfbuzz0b,
# libharfbuzz-subset0, libicu72, libpoco*, libhpdf, libfontconfig1, libpng16-16, zlib1g, …);
# the fonts are named here (without a font for each role, rendering stops with an error).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME gongwen)
set(CPACK_PACKAGE_VENDOR "gongwen")
set(CPACK_PACKAGE_CONTACT "gongwen maintainers <gongwen@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Typesets Chinese official documents (GB/T 9704-2012 公文), certificates and lists into PDF")
set(CPACK_PACKAGE_DESCRIPTION
    "gongwen renders 公文, 纪要, 信函, 奖状, 荣誉证书 and 表彰名单 from JSON or CSV records \
into PDF, from the command line (gongwen render, gongwen batch) or as an HTTP service with a \
web page (gongwen serve). Layouts are JSON files in /usr/share/gongwen/layouts.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # gongwen_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Noto CJK serves 小标宋, 仿宋, 黑体 and 宋体 and AR PL UKai 楷体 (fonts/fonts.json's last
# candidates); Hanazono and BabelStone Han cover rare characters. FandolFang/FandolKai (a
# closer 仿宋 and 楷体) ship in texlive-lang-chinese and are found where TeX Live puts them.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fontconfig, fonts-noto-cjk, fonts-arphic-ukai")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-arphic-uming, fonts-hanazono, fonts-babelstone-han")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "texlive-lang-chinese, nginx")
set(CPACK_STRIP_FILES ON)
include(CPack)
