export const id = 719;
export const ids = [719];
export const modules = {

/***/ 8719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   waitForBuildCommand: () => (/* binding */ waitForBuildCommand)
/* harmony export */ });
async function waitForBuildCommand(_session) {
    throw new Error('Input `command` "wait-for-build" is not available in this version.');
}


/***/ })

};
